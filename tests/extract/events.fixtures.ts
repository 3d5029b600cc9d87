/**
 * Fifty sentences written for this test in the style of Chinese government and business news (none
 * copied from a corpus), with the events a reader finds in each: `TYPE from->to`, by canonical
 * name. Sentences with a trigger word and no event (投资环境, 签约仪式, 成立以来) test precision.
 */
export interface EventFixture {
  text: string;
  events: string[];
}

export const EVENT_FIXTURES: EventFixture[] = [
  // Meetings.
  { text: '5月12日，洛阳市委书记李明会见了中国建筑集团有限公司董事长王强一行。', events: ['MET 李明->王强'] },
  { text: '市长张海峰会晤了来访的开封市代表团。', events: ['MET 张海峰->开封市代表团'] },
  { text: '巩义市委副书记刘洋接见了全市优秀教师代表。', events: [] },
  { text: '郑州市委书记徐立毅会见了中国铁建股份有限公司董事长汪建平、总裁庄尚标一行。', events: ['MET 徐立毅->汪建平', 'MET 徐立毅->庄尚标'] },
  { text: '省委书记王国生会见了新加坡驻华大使洪晓勇一行，双方就经贸合作进行了交流。', events: ['MET 王国生->洪晓勇'] },
  { text: '南阳市委书记张文深接见了参加全国劳模表彰大会的南阳代表。', events: [] },
  // Visits.
  { text: '开封市副市长赵磊到开封市第一人民医院调研疫情防控工作。', events: ['VISITED 赵磊->开封市第一人民医院'] },
  { text: '县委书记孙涛深入洛宁县赵村镇调研脱贫攻坚工作。', events: ['VISITED 孙涛->赵村镇'] },
  { text: '王伟视察郑州富士康科技集团。', events: ['VISITED 王伟->郑州富士康科技集团'] },
  { text: '许昌市委书记胡勇走访慰问了许昌市瑞贝卡发制品股份有限公司。', events: ['VISITED 胡勇->许昌市瑞贝卡发制品股份有限公司'] },
  { text: '国务院副总理胡春华在河南省考察。', events: ['VISITED 胡春华->河南省'] },
  { text: '省长尹弘赴安阳市调研。', events: ['VISITED 尹弘->安阳市'] },
  { text: '商丘市市长张建新来到商丘市梁园区视察防汛工作。', events: ['VISITED 张建新->梁园区'] },
  { text: '周口市委书记刘保仓主持会议并讲话，随后到周口港区调研。', events: ['VISITED 刘保仓->周口港区'] },
  { text: '市政府副市长李红主持召开调研座谈会。', events: [] },
  // Signings.
  { text: '新郑市与中牟县签订战略合作协议。', events: ['SIGNED 新郑市->中牟县'] },
  { text: '郑州宇通集团有限公司与洛阳市人民政府签署新能源客车项目合作协议。', events: ['SIGNED 郑州宇通集团有限公司->洛阳市人民政府'] },
  { text: '河南能源化工集团、中国平煤神马集团、安阳钢铁集团有限责任公司共同签约。', events: ['SIGNED 河南能源化工集团->中国平煤神马集团', 'SIGNED 河南能源化工集团->安阳钢铁集团有限责任公司', 'SIGNED 中国平煤神马集团->安阳钢铁集团有限责任公司'] },
  { text: '郑州大学与河南省人民医院签订合作协议，共建临床医学研究中心。', events: ['SIGNED 郑州大学->河南省人民医院'] },
  { text: '三门峡市与陕西省渭南市签约共建黄河金三角示范区。', events: ['SIGNED 三门峡市->渭南市'] },
  { text: '郑州宇通集团有限公司近年来加快布局新能源，与洛阳市人民政府签署战略合作协议。', events: ['SIGNED 郑州宇通集团有限公司->洛阳市人民政府'] },
  { text: '开封市、商丘市、周口市三市签订区域合作协议。', events: ['SIGNED 开封市->商丘市', 'SIGNED 开封市->周口市', 'SIGNED 商丘市->周口市'] },
  { text: '郑州地铁集团有限公司与中国中车集团有限公司签订车辆采购合同。', events: ['SIGNED 郑州地铁集团有限公司->中国中车集团有限公司'] },
  { text: '河南省人民政府与阿里巴巴集团签署战略合作框架协议。', events: ['SIGNED 河南省人民政府->阿里巴巴集团'] },
  { text: '签约仪式在郑州国际会展中心举行。', events: [] },
  // Founding.
  { text: '平顶山市人民政府与中国平煤神马集团合资成立平顶山新能源有限公司。', events: ['FOUNDED 平顶山市人民政府->平顶山新能源有限公司', 'FOUNDED 中国平煤神马集团->平顶山新能源有限公司'] },
  { text: '洛阳钼业集团、洛阳玻璃股份有限公司两家企业共同出资成立洛阳新材料科技有限公司。', events: ['FOUNDED 洛阳钼业集团->洛阳新材料科技有限公司', 'FOUNDED 洛阳玻璃股份有限公司->洛阳新材料科技有限公司'] },
  { text: '河南中原高速公路股份有限公司和河南交通投资集团有限公司共同成立河南高速物流有限公司。', events: ['FOUNDED 河南中原高速公路股份有限公司->河南高速物流有限公司', 'FOUNDED 河南交通投资集团有限公司->河南高速物流有限公司'] },
  { text: '河南省发展和改革委员会成立以来，始终坚持改革创新。', events: [] },
  // Investment.
  { text: '郑州银行向新密市投资5亿元建设城市污水处理厂。', events: ['INVESTED_IN 郑州银行->新密市'] },
  { text: '河南投资集团注资郑州煤电股份有限公司。', events: ['INVESTED_IN 河南投资集团->郑州煤电股份有限公司'] },
  { text: '万达集团在焦作市投资兴建文化旅游城。', events: ['INVESTED_IN 万达集团->焦作市'] },
  { text: '河南能源化工集团2020年实现营收1000亿元，并向鹤壁市投资20亿元。', events: ['INVESTED_IN 河南能源化工集团->鹤壁市'] },
  { text: '中国建设银行河南省分行向南阳市、信阳市投资100亿元。', events: ['INVESTED_IN 中国建设银行河南省分行->南阳市', 'INVESTED_IN 中国建设银行河南省分行->信阳市'] },
  { text: '许继集团有限公司投资3亿元建设许昌智能电网产业园。', events: ['INVESTED_IN 许继集团有限公司->许昌智能电网产业园'] },
  { text: '高新区投资环境持续优化。', events: [] },
  { text: '近年来，焦作市吸引了大批企业投资兴业。', events: [] },
  // Donations.
  { text: '郑州朗悦集团向登封市慈善总会捐赠物资价值30万元。', events: ['DONATED_TO 郑州朗悦集团->登封市慈善总会'] },
  { text: '河南小樱桃动漫集团有限公司为巩义市竹林镇捐赠图书5000册。', events: ['DONATED_TO 河南小樱桃动漫集团有限公司->竹林镇'] },
  { text: '洛阳银行捐赠给栾川县潭头镇中心小学一批教学设备。', events: ['DONATED_TO 洛阳银行->栾川县潭头镇中心小学'] },
  { text: '洛阳市向栾川县、嵩县、汝阳县捐赠防疫物资。', events: ['DONATED_TO 洛阳市->栾川县', 'DONATED_TO 洛阳市->嵩县', 'DONATED_TO 洛阳市->汝阳县'] },
  { text: '漯河市双汇集团向漯河市红十字会捐款500万元。', events: ['DONATED_TO 漯河市双汇集团->漯河市红十字会'] },
  { text: '郑州威科姆科技股份有限公司向鲁山县捐赠电脑100台；郑州亿达科技新城发展有限公司捐赠图书2000册。', events: ['DONATED_TO 郑州威科姆科技股份有限公司->鲁山县', 'DONATED_TO 郑州亿达科技新城发展有限公司->鲁山县'] },
  // Pairing.
  { text: '郑州市金水区与卢氏县结对帮扶。', events: ['PAIRED_WITH 金水区->卢氏县'] },
  { text: '郑州高新区对口帮扶三门峡市卢氏县。', events: ['PAIRED_WITH 郑州高新技术产业开发区->卢氏县'] },
  { text: '新乡市与山西省晋城市开展合作。', events: ['PAIRED_WITH 新乡市->晋城市'] },
  { text: '驻马店市与深圳市结对合作。', events: ['PAIRED_WITH 驻马店市->深圳市'] },
  { text: '郑州市二七区对口支援新疆哈密市。', events: ['PAIRED_WITH 二七区->哈密市'] },
  { text: '会议要求各单位加强合作，形成工作合力。', events: [] },
  { text: '来郑结对帮扶的卢氏县委副书记李兴东参加了座谈。', events: [] },
];
