import { parentPort, workerData } from 'node:worker_threads';
import type { ArticleInput } from '@guanxi/shared';
import { createExtractor, loadLexicon } from '../extract/index.ts';
import { extractOne, type ExtractJob, type ExtractReply } from './extract-one.ts';

/** One extraction worker: builds its extractor once, then answers batches of articles. */
const lexiconFile: string | undefined = workerData.lexiconFile;
const extractor = createExtractor(lexiconFile ? { lexicon: loadLexicon(lexiconFile) } : {});

parentPort!.on('message', (job: ExtractJob) => {
  const reply: ExtractReply = { id: job.id, results: job.articles.map((article: ArticleInput) => extractOne(extractor, article)) };
  parentPort!.postMessage(reply);
});
