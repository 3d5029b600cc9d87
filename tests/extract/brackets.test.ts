import { describe, expect, it } from 'vitest';
import { balanceMarks } from '../../server/src/extract/chinese/brackets.ts';
import type { Span } from '../../server/src/extract/chinese/span.ts';

/** The span of `name` in `text` as an organization read by the tagger. */
const org = (text: string, name: string, rule = 'model'): Span => {
  const start = text.indexOf(name);
  if (start < 0) throw new Error(`${name} not in ${text}`);
  return { start, end: start + name.length, type: 'Organization', rule };
};
const texts = (text: string, spans: Span[]) => balanceMarks(text, spans).map((s) => text.slice(s.start, s.end));

describe('balanceMarks', () => {
  it('reaches left to the title mark a name closes inside it', () => {
    const t = '樊爱国:(《婚姻与家庭》杂志社主编)';
    expect(texts(t, [org(t, '婚姻与家庭》杂志社')])).toEqual(['《婚姻与家庭》杂志社']);
    const u = '读者喜爱的《天文爱好者》杂志陪伴了他';
    expect(texts(u, [org(u, '天文爱好者》杂志')])).toEqual(['《天文爱好者》杂志']);
  });

  it('leaves out a closing mark the name does not open, and an opening one it does not close', () => {
    const t = '遍布全国;《金融时报》发行量只有';
    expect(texts(t, [org(t, '金融时报》')])).toEqual(['金融时报']);
    const u = '评为“美育特色学校”和';
    expect(texts(u, [org(u, '“美育特色学校')])).toEqual(['美育特色学校']);
  });

  it('takes in the closing quote right after a name that opened it', () => {
    const t = '辽大“邓小平理论研究中心”分阶段提出';
    expect(texts(t, [org(t, '辽大“邓小平理论研究中心')])).toEqual(['辽大“邓小平理论研究中心”']);
  });

  it('does not cross a clause end, the span before, or reach past its limit', () => {
    const t = '《读书》,杂志》社说';
    expect(texts(t, [org(t, '杂志》社')])).toEqual(['杂志》社']);
    const u = '《人民日报》杂志》社';
    const before = org(u, '《人民日报》');
    expect(texts(u, [before, org(u, '杂志》社')])).toEqual(['《人民日报》', '杂志》社']);
  });

  it('changes no balanced name, no other type and no name from the lexicon', () => {
    const t = '《散文选刊》杂志社和焦作矿务局';
    const spans = [org(t, '《散文选刊》杂志社'), org(t, '焦作矿务局')];
    expect(balanceMarks(t, spans)).toBe(spans);
    const u = '在《金融时报》上';
    const place: Span = { ...org(u, '金融时报》'), type: 'Place' };
    expect(balanceMarks(u, [place])).toEqual([place]);
    const listed = org(u, '金融时报》', 'lexicon');
    expect(balanceMarks(u, [listed])).toEqual([listed]);
  });
});

describe('project-headed names the tagger reads as organizations', () => {
  it('makes a fund the tagger reads as a body an organization, and leaves a named programme a project', async () => {
    const { recognize } = await import('../../server/src/extract/chinese/recognize.ts');
    const t = '“郑卢结对帮扶”高新区产业帮扶基金正式设立，全球环境基金也参与。';
    const spans = recognize(t).spans.map((s) => `${s.type}:${t.slice(s.start, s.end)}`);
    expect(spans).toContain('Organization:全球环境基金');
    expect(spans).toContain('Project:“郑卢结对帮扶”高新区产业帮扶基金');
  });
});
