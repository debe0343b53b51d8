import path from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { FLOWS_DIR, loadExampleBot, type ExampleBot } from './loadExampleBot.js';
import { readTranscriptFiles, runTranscript } from './runTranscripts.js';

const files = readTranscriptFiles(path.join(FLOWS_DIR, 'tests'));

let example: ExampleBot;
beforeAll(async () => {
  example = await loadExampleBot();
});

for (const { file, transcripts } of files) {
  describe(`transcripts in flows/tests/${file}`, () => {
    for (const transcript of transcripts) {
      it(transcript.name, async () => {
        const result = await runTranscript({ transcript, bot: example.bot, actions: example.actions });
        if (!result.ok) throw new Error(result.report);
      });
    }
  });
}
