import { parentPort, workerData } from 'node:worker_threads';
import { createExtractor, loadLexicon } from '../extract/index.ts';
import { extractAll, type ExtractJob, type ExtractReply } from './extract-one.ts';

/** One extraction worker: builds its extractor once, then answers batches of articles. */
const lexiconFile: string | undefined = workerData.lexiconFile;
const extractor = createExtractor(lexiconFile ? { lexicon: loadLexicon(lexiconFile) } : {});

parentPort!.on('message', (job: ExtractJob) => {
  const reply: ExtractReply = { id: job.id, results: extractAll(extractor, job.articles) };
  parentPort!.postMessage(reply);
});
