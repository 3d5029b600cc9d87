import { recognize, recognizeRules } from './extract/chinese/recognize.ts';
import { foldWidth } from './extract/text/fold.ts';
import { tokenize } from './extract/chinese/tokens.ts';
for (const s0 of ['推动党的领导全覆盖，着力构建一核多元，共治、共建、共享新治理格局。', '引领带动郑州“西美”发展和建设千亿级世界级产业集群。']) {
  const s = foldWidth(s0);
  console.log(tokenize(s).map((t) => `${t.text}/${t.tag}`).join(' '));
  console.log('rules', recognizeRules(s).spans.map((x) => `${x.type}:${s.slice(x.start, x.end)}:${x.rule}`));
  console.log('final', recognize(s).spans.map((x) => `${x.type}:${s.slice(x.start, x.end)}:${x.rule}`));
}
