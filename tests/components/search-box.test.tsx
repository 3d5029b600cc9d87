import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SearchBox } from '../../client/src/components/SearchBox.tsx';
import { english, stubGraphql } from './setup.ts';

const hit = (id: string, type: string, label: string, extra: Record<string, unknown> = {}) => ({ id, type, label, score: 1, articles: type === 'Article' ? null : 3, date: type === 'Article' ? '2020-05-07' : null, matchedBy: 'NAME', ...extra });

beforeEach(english);

/** The suggestions (the type filter's <option>s are options too). */
const options = () => within(screen.getByTestId('search-results')).queryAllByRole('option') as HTMLButtonElement[];
const option = () => {
  const all = options();
  if (all.length !== 1) throw new Error(`expected one suggestion, found ${all.length}`);
  return all[0]!;
};

describe('SearchBox', () => {
  it('groups suggestions by type with counts, entities before articles, and Enter adds the first', async () => {
    stubGraphql({
      Search: () => ({
        data: {
          search: [
            hit('Person:王新亭', 'Person', '王新亭', { matchedBy: 'PINYIN' }),
            hit('Article:1', 'Article', '高新区召开会议'),
            hit('Organization:高新区管委会', 'Organization', '高新区管委会'),
            hit('Person:王新', 'Person', '王新'),
          ],
        },
      }),
    });
    const onPick = vi.fn();
    render(<SearchBox onPick={onPick} />);
    const input = screen.getByTestId('search-input');
    fireEvent.change(input, { target: { value: 'wangxinting' } });
    await waitFor(() => expect(options().filter((o) => !o.disabled)).toHaveLength(4), { timeout: 2000 });
    const groups = [...document.querySelectorAll('.suggestion-group')].map((g) => g.textContent);
    expect(groups).toEqual(['People (2)', 'Organizations (1)', 'Articles (1)']);
    expect(options().map((o) => o.getAttribute('data-id'))).toEqual(['Person:王新亭', 'Person:王新', 'Organization:高新区管委会', 'Article:1']);
    expect(options()[0]!.textContent).toContain('by pinyin');

    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ id: 'Person:王新亭' }));
  });

  it('moves through suggestions with the arrow keys across groups', async () => {
    stubGraphql({ Search: () => ({ data: { search: [hit('Person:a', 'Person', 'a'), hit('Place:b', 'Place', 'b')] } }) });
    const onPick = vi.fn();
    render(<SearchBox onPick={onPick} />);
    const input = screen.getByTestId('search-input');
    fireEvent.change(input, { target: { value: 'ab' } });
    await screen.findByText('Places (1)', undefined, { timeout: 2000 });
    await waitFor(() => expect((options()[0] as HTMLButtonElement).disabled).toBe(false));
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ id: 'Place:b' }));
  });

  it('keeps old suggestions visible but not clickable while a newer search runs', async () => {
    let release: () => void = () => {};
    stubGraphql({
      Search: (v) =>
        v.text === 'first'
          ? { data: { search: [hit('Person:first', 'Person', 'first')] } }
          : new Promise((resolve) => {
              release = () => resolve({ data: { search: [hit('Person:second', 'Person', 'second')] } });
            }),
    });
    const onPick = vi.fn();
    render(<SearchBox onPick={onPick} />);
    const input = screen.getByTestId('search-input');
    fireEvent.change(input, { target: { value: 'first' } });
    await waitFor(() => expect(option().disabled).toBe(false), { timeout: 2000 });
    fireEvent.change(input, { target: { value: 'second' } });
    const stale = option();
    expect(stale.getAttribute('data-id')).toBe('Person:first');
    expect(stale.disabled).toBe(true);
    fireEvent.click(stale);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onPick).not.toHaveBeenCalled();
    await waitFor(() => expect(release).not.toBe(undefined));
    await new Promise((r) => setTimeout(r, 400));
    release();
    await waitFor(() => expect(option().getAttribute('data-id')).toBe('Person:second'));
    expect(option().disabled).toBe(false);
  });

  it('says a timed-out search took too long and retries it', async () => {
    let calls = 0;
    stubGraphql({
      Search: () => {
        calls += 1;
        return calls === 1
          ? { data: null, errors: [{ message: 'The query took longer than 5000 ms', extensions: { code: 'QUERY_TIMEOUT' } }] }
          : { data: { search: [hit('Person:x', 'Person', 'x')] } };
      },
    });
    render(<SearchBox onPick={() => {}} />);
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'slow' } });
    const error = await screen.findByTestId('search-error', undefined, { timeout: 2000 });
    expect(error.textContent).toContain('took too long');
    expect(error.textContent).not.toContain('Unexpected error');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(option().getAttribute('data-id')).toBe('Person:x'));
    expect(calls).toBe(2);
  });
});
