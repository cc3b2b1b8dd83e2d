import { sendToBackground } from '../../src/content/send.ts';
import { postSeed } from '../../src/pages/seed-form.ts';

async function main() {
  const status = document.getElementById('status')!;
  const answer = await sendToBackground({ type: 'seed.take', id: location.hash.slice(1) || '-' });
  if (!answer.ok) {
    status.textContent = answer.problem.message;
    return;
  }
  const outcome = postSeed(document, answer.seed, answer.target);
  if (!outcome.posted) status.textContent = outcome.reason;
}

void main();
