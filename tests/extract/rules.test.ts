import { describe, expect, it } from 'vitest';
import { foldWidth, detectLanguage } from '../../server/src/extract/text/fold.ts';
import { splitSentences } from '../../server/src/extract/text/sentences.ts';
import { recognize, recognizeRules } from '../../server/src/extract/chinese/recognize.ts';
import { findBylines } from '../../server/src/extract/chinese/bylines.ts';
import { resolvePlace } from '../../server/src/extract/chinese/places-resolve.ts';
import { createExtractor, parseLexicon } from '../../server/src/extract/index.ts';

const spans = (text: string) => recognize(foldWidth(text)).spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
/** The rule families' spans alone, before the tagger reads them. */
const ruleSpans = (text: string) => recognizeRules(foldWidth(text)).spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

describe('text repair', () => {
  it('folds full-width forms without moving offsets', () => {
    const s = 'ＡＢＣ１９９７年　公司';
    expect(foldWidth(s)).toBe('ABC1997年 公司');
    expect(foldWidth(s).length).toBe(s.length);
  });
  it('keeps every other code unit as it is, a leading BOM and a lone surrogate too', () => {
    const s = '\ufeff高新区，\ud800管委会' + '，'.repeat(10000);
    const folded = foldWidth(s);
    expect(folded.length).toBe(s.length);
    expect(folded.slice(0, 6)).toBe('\ufeff高新区,\ud800');
    expect(folded.endsWith(',,,')).toBe(true);
  });
  it('splits sentences at 。 and line breaks, dropping blank debris lines', () => {
    const text = '进一步凝聚党心民心。\n\n\n想。参会人员交流发言。';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['进一步凝聚党心民心。', '想。', '参会人员交流发言。']);
  });
  it('detects language', () => {
    expect(detectLanguage('高新区召开节水行动建设工作推进会')).toBe('zh');
    expect(detectLanguage('The mayor of Boston met executives from Microsoft.')).toBe('en');
  });
});

describe('persons', () => {
  it('finds names jieba does not know, next to titles', () => {
    const s = spans('卢氏县委副书记李兴东、徐家湾乡乡长吕海波一行，管委会常务副主任张红军出席。');
    expect(s).toContain('Person:李兴东');
    expect(s).toContain('Person:吕海波');
    expect(s).toContain('Person:张红军');
  });
  it('gives a title its 长 back when jieba reads 董事|长江|文英', () => {
    const s = spans('长子县农业发展有限公司董事长江文英汇报了节水工作。市水利局局长江海涛出席会议。');
    expect(s).toEqual(expect.arrayContaining(['Person:江文英', 'Person:江海涛']));
    expect(s).not.toContain('Place:长江');
    expect(spans('该县长江沿岸的村庄')).toContain('Place:长江');
  });
  it('does not take districts or common words for names', () => {
    const s = spans('高新区召开会议，英雄来自人民，三是深度结合好。');
    expect(s).not.toContain('Person:高新区');
    expect(s.filter((x) => x.endsWith(':英雄') || x.endsWith(':深度'))).toEqual([]);
  });
});

describe('lists', () => {
  it('reads no name among listed verbs, and keeps names listed with names', () => {
    expect(spans('着力构建一核多元，共治、共建、共享新治理格局。').filter((x) => x.startsWith('Person:'))).toEqual([]);
    expect(spans('王新亭、张红军、王凯胜出席会议。')).toEqual(expect.arrayContaining(['Person:王新亭', 'Person:张红军', 'Person:王凯胜']));
  });
});

describe('places and organizations', () => {
  it('merges gazetteer places that jieba splits', () => {
    expect(spans('高新区与卢氏县徐家湾乡、双龙湾镇结对以来')).toEqual(expect.arrayContaining(['Place:卢氏县', 'Place:徐家湾乡', 'Place:双龙湾镇']));
  });
  it('builds organization names from a head leftwards to a place', () => {
    const s = spans('郑州威科姆科技股份有限公司向学校捐赠，河南小樱桃动漫集团有限公司捐赠公益类图书。');
    expect(s).toContain('Organization:郑州威科姆科技股份有限公司');
    expect(s).toContain('Organization:河南小樱桃动漫集团有限公司');
  });
  it('keeps a place inside an organization name part of it', () => {
    const s = spans('高新区党工委书记王新亭');
    expect(s).toContain('Organization:高新区党工委');
    expect(s).not.toContain('Place:高新区');
  });
  it('reads country pairs as two places', () => {
    expect(spans('中美关系继续发展')).toEqual(expect.arrayContaining(['Place:中', 'Place:美']));
  });
  it('reads 中心 before 城市 or 工作 as "the heart of", not an institution', () => {
    expect(spans('加快建设郑州国家中心城市，做好中心工作。').filter((x) => x.startsWith('Organization:'))).toEqual([]);
  });
  it('drops a one-character person glued to a one-character place, a misread word', () => {
    expect(spans('引领带动郑州“西美”发展和建设千亿级世界级产业集群。')).toEqual(['Place:郑州']);
  });
});

describe('rule families on the shapes the tagger learns from', () => {
  it('reads a committee or ministry glued to the title after it (市委书记, 外交部长)', () => {
    expect(ruleSpans('十二月二十四日，市委书记张敬涛召集县乡干部。')).toEqual(['Organization:市委', 'Person:张敬涛']);
    expect(ruleSpans('省委常委、市委书记纪馨芳深入基层。')).toEqual(expect.arrayContaining(['Organization:省委', 'Organization:市委']));
    expect(ruleSpans('府解散后被任命为内务部代理部长。')).toContain('Organization:内务部');
    expect(ruleSpans('黑龙江省阿城市委书记王某出席。')).toEqual(expect.arrayContaining(['Place:黑龙江省', 'Organization:阿城市委']));
    expect(ruleSpans('美国国务卿和外交部长钱其琛会谈。')).toContain('Organization:外交部');
    // A title alone, or one whose first part is a title (主任委员), names no body.
    expect(ruleSpans('主任委员和副总理出席。').filter((s) => s.startsWith('Organization'))).toEqual([]);
  });
  it('does not reach left of a place over a word jieba calls a name (荣获|郑州市…)', () => {
    expect(ruleSpans('中原郑州，并荣获郑州市技术监督局、郑州市质量检验所的表彰。')).toContain('Organization:郑州市技术监督局');
  });
  it('starts a name at the last of a chain of places; the ones before are places of their own', () => {
    expect(ruleSpans('长沙市芙蓉区人民法院审理此案。')).toEqual(['Place:长沙市', 'Organization:芙蓉区人民法院']);
    expect(ruleSpans('印度外交部发表声明。')).toEqual(['Organization:印度外交部']);
  });
  it('names a body with its session as one organization, not a meeting', () => {
    expect(ruleSpans('中国致公党第十一次全国代表大会今天开幕。')).toEqual(['Organization:中国致公党第十一次全国代表大会']);
    expect(ruleSpans('经过六届人大常委会第四次会议审议。')).toEqual(['Organization:六届人大常委会']);
    expect(ruleSpans('全国政协九届一次会议开幕。')).toEqual(['Organization:全国政协']);
  });
  it('reads a place whose own name ends like a head (梁园区: 园区) as the place, not a body', () => {
    expect(ruleSpans('张建新来到商丘市梁园区视察防汛工作。')).toEqual(['Person:张建新', 'Place:商丘市', 'Place:梁园区']);
    expect(spans('张建新来到商丘市梁园区视察防汛工作。')).toEqual(['Person:张建新', 'Place:商丘市', 'Place:梁园区']);
    // A zone's body keeps its head after the place (郑州经济技术开发区|管委会).
    expect(ruleSpans('郑州经济技术开发区管委会召开会议。')).toEqual(['Organization:郑州经济技术开发区管委会']);
  });
  it('reads a name after an office as a person, not a place abbreviation and a word (总法办|郑|水泉)', () => {
    expect(spans('高新区管委会总法办郑水泉参加会议。')).toContain('Person:郑水泉');
  });
  it('takes no direction word for a department (北部, 中南部, 大部)', () => {
    const s = ruleSpans('黄淮北部、黄淮中南部、华南大部将有阵雨。');
    expect(s.filter((x) => x.startsWith('Organization'))).toEqual([]);
  });
  it('reads a lone surname before a title or form of address as the person', () => {
    expect(ruleSpans('据悉，李局长和张先生昨天到达。')).toEqual(['Person:李', 'Person:张']);
    expect(ruleSpans('稽查而骂骂咧咧的陈小姐顿时瞠目。')).toEqual(['Person:陈']);
    expect(ruleSpans('他坚决贯彻毛主席制定的方针。')).toEqual(['Person:毛']);
    // 原局长 is the former director; 和, 都 are words here.
    expect(ruleSpans('原局长和代市长都来了。')).toEqual([]);
  });
  it('reads standing abbreviations by the word they sit in (中方, 华侨, 对华, 欧美, 港台地区, 中葡双方)', () => {
    expect(ruleSpans('美国向中方作出承诺。')).toContain('Place:中');
    expect(ruleSpans('镇压华侨爱国活动。')).toEqual(['Place:华']);
    expect(ruleSpans('欧盟对华投资稳定增长。')).toContain('Place:华');
    expect(ruleSpans('不少在欧美工作的青年学者。')).toEqual(['Place:欧', 'Place:美']);
    expect(ruleSpans('国外及港台地区的研究。')).toEqual(['Place:港', 'Place:台']);
    expect(ruleSpans('这是中葡双方的共同目标。')).toEqual(['Place:中', 'Place:葡']);
    // Ordinary words made of the same characters, and regions, stay as they are.
    expect(ruleSpans('比方说，这个秘方和土方。')).toEqual([]);
    expect(ruleSpans('中亚和中欧国家')).not.toContain('Place:中');
  });
});

describe('place resolution', () => {
  const extractor = createExtractor();
  const places = (body: string) =>
    extractor.extract({ title: '', body }).entities.filter((e) => e.type === 'Place').map((e) => `${e.name}${e.code ? `@${e.code}` : ''}`);

  it('resolves a bare 高新区 by the streets the article names when it names no city', () => {
    const r = extractor.extract({ title: '', body: '日前，高新区党工委书记到梧桐办事处调研，听取了梧桐办事处的工作汇报。' });
    expect(r.entities.find((e) => e.name === '梧桐街道')).toMatchObject({ code: '410172561' });
    const located = r.relations.find((x) => x.type === 'LOCATED_IN' && x.from === '高新区党工委');
    expect(located?.to).toBe('郑州高新技术产业开发区');
    expect(places('日前，高新区党工委书记到梧桐办事处调研。').join()).not.toMatch(/武进|常州|江苏/);
  });
  it('leaves a name unresolved when the article does not say which of two equal places it is', () => {
    // 青山区 is a district of both 包头 and 武汉; nothing here says which.
    expect(places('秉持绿水青山就是金山银山的生态理念，推动产业发展。').join()).not.toMatch(/包头|武汉|内蒙古|湖北/);
    expect(places('他从青山区出发。')).not.toEqual(expect.arrayContaining([expect.stringMatching(/@/)]));
  });
  it('reads a region name as the region, not a district of that short form', () => {
    expect(places('携手打造中原地区新能源出行服务，郑州市高新区将提供支持。')).not.toContain('中原区@410102');
  });
  it('resolves a one-character abbreviation to the city the article names', () => {
    expect(places('郑州高新区会见来郑结对帮扶的卢氏县委副书记。')).toContain('郑州市@4101');
    // 中 of 中美 is China, even where the article names 中山市.
    expect(places('中美关系继续发展，中山市代表团访问。')).toEqual(expect.arrayContaining(['中国', '美国', '中山市@4420']));
  });
  it('names countries and provinces written as one character in full', () => {
    expect(places('国家主席访华，会见来京的代表团。')).toEqual(['中国', '北京市@11']);
    // 巴 is 巴西 or 巴基斯坦: the article says which.
    expect(places('中巴两国签署协议，巴西总统出席。')).toEqual(['中国', '巴西']);
  });
  it('resolves a chain of divisions written out to its innermost one', () => {
    const chain = (name: string) => resolvePlace(name, { text: name })?.code;
    expect(chain('四川省阿坝藏族羌族自治州')).toBe('5132');
    expect(chain('湖北省鄂州市华容区')).toBe('420703');
    // 鄂州 is in 湖北, not 河南: no such chain.
    expect(chain('河南省鄂州市')).toBeUndefined();
  });
  it('keeps a lone character that is no abbreviation in context as written', () => {
    // 华 of 华容 and 英 of 江文英, misread as places, must not become 中国 and 英国.
    expect(places('鄂州水务集团董事长闫华汇报了华容科技创新基金建设进展。')).not.toContain('中国');
    expect(places('长子县农业发展有限公司董事长江文英汇报了节水工作。')).not.toContain('英国');
  });
  it('widens a place to the short form of a township the article names', () => {
    const r = extractor.extract({ title: '', body: '高新区与卢氏县徐家湾乡、双龙湾镇结对以来，向徐家湾乡和双龙湾4所中心小学捐赠。' });
    const town = r.entities.find((e) => e.name === '双龙湾镇');
    expect(town).toMatchObject({ code: '411224108' });
    expect(town?.aliases).toContain('双龙湾');
    expect(r.entities.map((e) => e.name)).not.toContain('龙湾区');
  });
});

describe('party committees of less-known counties', () => {
  it('reads 宜君县委副书记 as the county committee and its deputy secretary', () => {
    const r = createExtractor().extract({ title: '', body: '10月27日，宜君县委副书记陶娟主持召开新能源充电站工作推进会。七台河市委副书记熊国出席。' });
    const positions = r.relations.filter((x) => x.type === 'HOLDS_POSITION').map((x) => `${x.from}|${x.to}|${x.title}`);
    expect(positions).toEqual(expect.arrayContaining(['陶娟|宜君县委|副书记', '熊国|七台河市委|副书记']));
    expect(r.entities.map((e) => e.name)).not.toContain('委');
  });
});

describe('projects', () => {
  it('finds policy documents, quoted funds and project heads', () => {
    const s = spans('解读了《高新区节水行动实施方案》，设立了“郑卢结对帮扶”高新区产业帮扶基金，希望新能源充电站项目能在高新区落地。');
    expect(s).toContain('Project:《高新区节水行动实施方案》');
    expect(s).toContain('Project:“郑卢结对帮扶”高新区产业帮扶基金');
    expect(s).toContain('Project:新能源充电站项目');
  });
});

describe('bylines', () => {
  it('reads reporters at a line end as authors', () => {
    expect(findBylines('切实扛起政治责任。\n\n记者 李颖 孙庆辉 文/图').flatMap((b) => b.authors)).toEqual(['李颖', '孙庆辉']);
    expect(findBylines('提升了含金量。记者 孙庆辉').flatMap((b) => b.authors)).toEqual(['孙庆辉']);
  });
  it('ignores 记者 in running text', () => {
    expect(findBylines('记者了解到，项目进展顺利。')).toEqual([]);
  });
});

describe('positions', () => {
  it('gives each post of an enumeration its own relation, with the shared prefix', () => {
    const r = createExtractor().extract({ title: '高新区新闻', body: '本报讯 近日，高新区党工委书记、管委会主任王新亭主持会议。', date: '2020-05-08' });
    const posts = r.relations.filter((x) => x.type === 'HOLDS_POSITION').map((x) => `${x.from}|${x.to}|${x.title}|${x.asOf}`);
    expect(posts).toEqual(expect.arrayContaining(['王新亭|高新区党工委|书记|2020-05-08', '王新亭|高新区管委会|主任|2020-05-08']));
  });
  it('keeps the stating sentence as evidence', () => {
    const r = createExtractor().extract({ title: '', body: '会上，徐家湾乡乡长吕海波作了汇报。其他人参加。' });
    const rel = r.relations.find((x) => x.type === 'HOLDS_POSITION');
    expect(rel).toMatchObject({ from: '吕海波', to: '徐家湾乡', title: '乡长', evidence: '会上，徐家湾乡乡长吕海波作了汇报。' });
  });
});

describe('lexicon', () => {
  it('honours user entities and stops before the rules', () => {
    const lexicon = parseLexicon('Organization\t郑州圆方集团\t圆方集团\nstop\t中原地区\n');
    const r = createExtractor({ lexicon }).extract({ title: '', body: '圆方集团在中原地区发展。' });
    expect(r.entities.find((e) => e.name === '郑州圆方集团')).toMatchObject({ type: 'Organization', aliases: ['圆方集团'] });
    expect(r.entities.some((e) => e.name.includes('中原'))).toBe(false);
  });
});

describe('english', () => {
  it('extracts people, organizations and places with compromise', () => {
    const body = 'By Jane Smith\nPresident Barack Obama met Microsoft executives in Seattle on Monday.';
    const r = createExtractor().extract({ title: 'Visit', body });
    expect(r.authors).toEqual(['Jane Smith']);
    const names = r.entities.map((e) => `${e.type}:${e.name}`);
    expect(names).toEqual(expect.arrayContaining(['Person:Barack Obama', 'Place:Seattle']));
    for (const e of r.entities) for (const m of e.mentions) expect(body.slice(m.start, m.end).length).toBeGreaterThan(0);
  });
});
