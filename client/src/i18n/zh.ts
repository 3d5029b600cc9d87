import type { Messages } from './en.ts';

/** 中文界面文字；键与 en.ts 相同（类型检查保证不缺）。 */
export const zh: Messages = {
  app: { title: 'guanxi', loading: '加载中…', loadingConnections: '正在加载关系…', loadingNeighbourhood: '正在加载邻域…', failed: '出错了。', dismiss: '关闭', retry: '重试', language: '语言' },
  type: { Article: '文章', Person: '人物', Organization: '机构', Place: '地点', Project: '项目' },
  typePlural: { Article: '文章', Person: '人物', Organization: '机构', Place: '地点', Project: '项目' },
  edge: { MENTIONS: '提及', WROTE: '撰写', CO_MENTIONED: '共同提及', HOLDS_POSITION: '任职', PART_OF: '隶属', LOCATED_IN: '位于' },
  view: { connections: '关系', articles: '文章', connectionsTitle: '谁与谁有关：人物、机构、地点、项目', articlesTitle: '文章及其提及的对象' },
  search: {
    placeholder: '搜索人物、机构、地点、项目、文章…（可用拼音）',
    label: '搜索', allTypes: '全部类型', limitType: '只搜索某一类型', submit: '搜索',
    searching: '搜索中…', nothing: '没有与“{{query}}”匹配的结果。', articleCount_one: '{{count}} 篇文章', articleCount_other: '{{count}} 篇文章',
    byAlias: '别名', byPinyin: '拼音', addHint: '按回车加入画布', group: '{{type}}（{{count}}）',
    timeout: '搜索耗时过长，已被中止。请输入更长或更具体的文字。',
    failed: '搜索失败：{{message}}',
  },
  errors: {
    QUERY_TIMEOUT: '查询耗时过长，服务器已中止。请缩小查询范围。',
    SERVICE_UNAVAILABLE: '数据库暂时没有响应，请稍后再试。',
    network: '无法连接 guanxi 服务器。它在运行吗（npm start）？',
  },
  canvas: {
    heading: '画布', counts: '显示 {{visibleNodes}}/{{nodes}} 个节点，{{visibleEdges}}/{{edges}} 条边',
    fit: '适应窗口', zoomSelection: '缩放到所选', relayout: '重新布局', removeSelected: '移除所选', removeSelectedTitle: '移除选中的节点和边（Delete 键）',
    hideSelected: '隐藏所选', clear: '清空', clearConfirm: '从画布移除全部 {{count}} 个节点？',
    undo: '撤销', redo: '重做', undoTitle: '撤销（Ctrl+Z）', redoTitle: '重做（Ctrl+Shift+Z）',
    nothingAround: '图中没有 {{id}} 的相关内容。', allThere: '{{label}} 周围的内容都已在画布上。',
    more: '还有 {{count}} 个', moreTitle: '再显示 {{label}} 周围的 {{count}} 个',
    capped: '{{label}} 有 {{total}} 个关联，只显示最强的 {{shown}} 个。点击“还有 {{more}} 个”显示更多。',
    nodeTypes: '节点类型', edgeTypes: '边的类型',
    legendTogether: '共同提及（越宽句子越多）', legendMentions: '提及', legendHolds: '任职（职务）', legendWrote: '撰写', legendPart: '隶属 / 位于',
    hidden: '已隐藏（{{count}}）', show: '显示', showAll: '全部显示', pinned: '已固定（{{count}}）', unpin: '取消固定',
    restoring: '正在恢复视图…', restoreFailed: '无法恢复视图：{{message}}', missing_one: '此视图中有 {{count}} 个节点已不在图中。', missing_other: '此视图中有 {{count}} 个节点已不在图中。',
  },
  menu: {
    label: '{{label}} 的操作', expand: '展开', byType: '只展开', byRel: '沿关系展开',
    hide: '隐藏', pin: '固定', unpin: '取消固定', pathFrom: '从这里找路径', pathTo: '找到这里的路径', details: '查看详情', remove: '移除',
  },
  export: { heading: '导出可见部分', json: '可见节点和边（JSON）', csv: '两个文件：nodes.csv 和 edges.csv', graphml: '用于 Gephi、yEd、networkx、igraph', gexf: 'Gephi 格式，带类型颜色', png: '整个可见图的图片', failed: '导出失败：{{message}}' },
  views: {
    heading: '视图', name: '视图名称', save: '保存', open: '打开', delete: '删除', none: '还没有保存的视图。',
    exportJson: '导出视图', importJson: '导入视图', copyLink: '复制链接', copied: '链接已复制。',
    badFile: '{{file}}：不是 guanxi 视图（{{message}}）', defaultName: '视图 {{date}}',
  },
  time: {
    heading: '时间', all: '全部日期', play: '播放', pause: '暂停', from: '起', to: '止', reset: '全部',
    window: '{{from}} – {{to}}', articles_one: '{{count}} 篇文章', articles_other: '{{count}} 篇文章', noDates: '没有带日期的文章。',
  },
  paths: {
    heading: '路径', from: '起点', to: '终点', pick: '选择一个节点', useSelected: '用所选节点', via: '经过',
    viaEntities: '只经过实体', viaAll: '也经过文章', find: '查找路径', none: '{{hops}} 步以内没有路径。',
    found_one: '{{count}} 条最短路径，{{length}} 步', found_other: '{{count}} 条最短路径，{{length}} 步', clear: '清除', step: '第 {{n}} 步',
  },
  panel: {
    back: '← 返回', hint: '点击节点查看实体或文章，点击边查看其依据的句子。双击节点展开，右键查看更多操作。',
    expand: '展开', expandTitle: '把它的邻域加入画布', add: '加入画布', loading: '加载中…',
    noEntity: '没有 id 为 {{id}} 的实体。', noArticle: '没有 id 为 {{id}} 的文章。', edgeGone: '这条边已不在图中。',
    aliases: '又称', code: '行政区划代码', articles: '文章', positions: '职务', asOf: '截至 {{date}}',
    partOf: '隶属 / 位于', contains: '下辖', topConnections: '主要关联', weightTitle: '{{articles}} 篇文章中的 {{weight}} 个句子',
    wrote: '撰写（{{count}}）', timeline: '时间线（{{shown}} 篇文章）', timelineOf: '时间线（{{shown}}/{{total}} 篇文章）', noMentions: '没有文章提及它。', undated: '无日期',
    date: '日期', unknown: '未知', source: '来源', authors: '作者', link: '链接', original: '原文', mentions: '提及（{{count}}）', text: '正文',
    mentionTitle: '{{type}}：{{name}}——点击加入画布',
    edgeTitle: '为什么有这条边？', strength: '在{{articles}}的{{sentences}}中共同出现', sentences_one: ' {{count}} 个句子', sentences_other: ' {{count}} 个句子', articleCount_one: ' {{count}} 篇文章', articleCount_other: ' {{count}} 篇文章', dates: '日期', statements: '{{count}} 次陈述',
    evidence: '依据（{{count}}）', noEvidence: '服务器没有保存这条边的句子。', firstSentences: '前 {{count}} 个句子：',
  },
  empty: { heading: '从一个名字开始', body: '在上方搜索（如人名，汉字或拼音均可），选择一个建议把它和它的关联放到画布上，然后双击或右键点击节点展开。', loadingStats: '正在加载图的统计…', articles: '篇文章', entities: '个实体', relationships: '条关系' },
  layout: { tools: '工具', details: '详情' },
};
