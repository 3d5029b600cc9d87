import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ContextMenu, type MenuActions } from '../../client/src/components/ContextMenu.tsx';
import { ViewsPanel } from '../../client/src/components/ViewsPanel.tsx';
import { Messages } from '../../client/src/components/Messages.tsx';
import { EMPTY_VIEW, viewToJson } from '../../client/src/workbench/viewState.ts';
import { english } from './setup.ts';

beforeEach(english);

function actions(): MenuActions {
  return { expand: vi.fn(), hide: vi.fn(), pin: vi.fn(), pathFrom: vi.fn(), pathTo: vi.fn(), details: vi.fn(), remove: vi.fn() };
}

describe('ContextMenu', () => {
  it('expands by type or along a relationship, pins, hides and closes after each', () => {
    const act = actions();
    const onClose = vi.fn();
    render(<ContextMenu target={{ id: 'Person:王新亭', type: 'Person', label: '王新亭', pinned: false, at: { x: 10, y: 10 } }} connectionsView actions={act} onClose={onClose} />);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Organizations' }));
    expect(act.expand).toHaveBeenCalledWith('Person:王新亭', { types: ['Organization'] });
    fireEvent.click(screen.getByRole('menuitem', { name: 'holds position' }));
    expect(act.expand).toHaveBeenCalledWith('Person:王新亭', { relTypes: ['HOLDS_POSITION'] });
    fireEvent.click(screen.getByRole('menuitem', { name: 'Pin' }));
    expect(act.pin).toHaveBeenCalledWith('Person:王新亭', true);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Hide' }));
    expect(act.hide).toHaveBeenCalledWith('Person:王新亭');
    expect(onClose).toHaveBeenCalledTimes(4);
  });

  it('offers no relationship expansion in the articles view, and Unpin for a pinned node', () => {
    render(<ContextMenu target={{ id: 'Article:1', type: 'Article', label: 'a', pinned: true, at: { x: 0, y: 0 } }} connectionsView={false} actions={actions()} onClose={() => {}} />);
    expect(screen.queryByRole('menuitem', { name: 'named together' })).toBeNull();
    expect(screen.getByRole('menuitem', { name: 'Unpin' })).toBeTruthy();
  });
});

describe('ViewsPanel', () => {
  it('opens an imported view file, and names the file when it is not a view', async () => {
    const onOpen = vi.fn();
    const onError = vi.fn();
    render(<ViewsPanel current={() => EMPTY_VIEW} onOpen={onOpen} onError={onError} />);
    const input = screen.getByTestId('view-import');
    const good = new File([viewToJson({ ...EMPTY_VIEW, nodes: ['Person:a'] })], 'mine.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [good] } });
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ nodes: ['Person:a'] })));
    const bad = new File(['{"version": 7}'], 'other.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [bad] } });
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.stringMatching(/^other\.json: not a guanxi view \(unknown version 7/)));
  });

  it('saves the current view under a name and lists it', () => {
    localStorage.clear();
    render(<ViewsPanel current={() => ({ ...EMPTY_VIEW, nodes: ['Person:a', 'Person:b'] })} onOpen={() => {}} onError={() => {}} />);
    fireEvent.change(screen.getByTestId('view-name'), { target: { value: 'Wang circle' } });
    fireEvent.click(screen.getByTestId('view-save'));
    expect(screen.getByTestId('named-views').textContent).toContain('Wang circle');
    expect(screen.getByTestId('named-views').textContent).toContain('(2)');
  });
});

describe('Messages', () => {
  it('shows an error with a retry that runs the failed action again', () => {
    const retry = vi.fn();
    render(<Messages loading={undefined} notice={{ kind: 'error', key: 'errors.QUERY_TIMEOUT', retry }} onDismiss={() => {}} />);
    expect(screen.getByRole('alert').textContent).toContain('took too long');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retry).toHaveBeenCalled();
  });
});
