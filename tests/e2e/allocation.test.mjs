// Allocation and assessment in Debian's Chromium: the front door refers a child; a team manager
// finds them on the unallocated list and allocates them to a social worker, who finds the child on
// their home page and opens the record as their own work (no reason asked for). The social worker
// starts the single assessment, records the child seen alone, and writes it up (what they type is
// kept as a draft through a closed browser); it cannot go to the manager with a section missing.
// The manager finds it in "My work", returns it for more, then authorises it; the child's record
// shows the 45-working-day deadline met. She proposes closing the episode, and the manager closes
// it from "My work".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn } from './server.mjs';
import { referAndAllocate } from './journeys.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('a referred child is allocated, assessed by the social worker and the assessment authorised', async () => {
  const front = await launchBrowser();
  const manager = await launchBrowser();
  let worker = await launchBrowser();
  try {
    // The front door refers a child not yet known; the manager allocates her from the unallocated list.
    const m = await manager.context.newPage();
    await referAndAllocate(front, m, server.url, { forename: 'Marigold', surname: 'Quenby', born: ['3', '2', '2026'] });
    assert.match(await m.getByTestId('social-care').textContent(), /Jess Hartley \(Assessment team north\)/);
    await m.getByRole('link', { name: 'Allocation' }).click();
    assert.equal(await m.getByTestId('unallocated').getByRole('link', { name: 'Marigold Quenby', exact: true }).count(), 0);

    // The social worker finds her on their home page and opens her record as their own work.
    const w = await worker.context.newPage();
    await signIn(w, server.url, 'socialworker');
    const mine = w.getByTestId('my-children');
    await mine.getByRole('link', { name: 'Marigold Quenby' }).click();
    await w.getByTestId('person-name').waitFor();
    assert.equal(await w.getByTestId('person-name').textContent(), 'Marigold Quenby');
    const record = w.url();

    // The assessment's deadline is on the record before it starts; she starts it today.
    assert.match(await w.getByTestId('deadlines').textContent(), /Single assessment authorised.*45 working days left/s);
    await w.getByRole('link', { name: 'Start an assessment' }).click();
    await w.getByRole('button', { name: 'Start assessment' }).click();
    await w.getByText('Assessment started', { exact: true }).waitFor();
    const assessment = w.url().replace(/\?.*$/, '');
    await w.getByText('Record the child being seen').click();
    await w.getByLabel('The child was seen alone').check();
    await w.getByRole('button', { name: 'Record child seen' }).click();
    await w.getByText('Child seen recorded', { exact: true }).waitFor();
    assert.match(await w.getByTestId('child-seen').textContent(), /Seen alone/);

    // What she types is kept through a closed browser.
    await w.getByLabel('The child\'s views').fill('Marigold is a baby: she was alert, fed well and settled with her mum.');
    await w.getByText(/Draft saved at/).waitFor();
    await worker.close();
    worker = await launchBrowser();
    const w2 = await worker.context.newPage();
    await signIn(w2, server.url, 'socialworker');
    await w2.goto(assessment);
    await w2.getByText('We kept what you typed').waitFor();
    assert.match(await w2.getByLabel('The child\'s views').inputValue(), /settled with her mum/);
    await w2.getByLabel('Neglect', { exact: true }).check();
    await w2.getByLabel('Close: no further action (RC8)').check();
    await w2.screenshot({ path: 'tests/e2e/screenshots/assessment.png', fullPage: true });
    // The analysis is missing: it cannot go to a manager, and nothing typed is lost.
    await w2.getByRole('button', { name: 'Save and send for authorisation' }).click();
    await w2.getByText('The assessment is not ready for a manager: Write the analysis').first().waitFor();
    assert.match(await w2.getByLabel('The child\'s views').inputValue(), /settled with her mum/);
    await w2.getByLabel('Analysis').fill('The home is cold and feeding is irregular; mum accepts help.');
    await w2.getByRole('button', { name: 'Save and send for authorisation' }).click();
    await w2.getByText('Assessment sent for authorisation', { exact: true }).waitFor();

    // The manager finds it in My work and returns it, then authorises it once it is back.
    await m.getByRole('link', { name: 'My work' }).click();
    await m.screenshot({ path: 'tests/e2e/screenshots/my_work_manager.png', fullPage: true });
    await m.getByTestId('awaiting-assessments').getByRole('link', { name: 'Open the assessment of Marigold Quenby' }).click();
    await m.getByLabel('Or return it for more work').fill('Say what the health visitor told you.');
    await m.getByRole('button', { name: 'Return for more work' }).click();
    await m.getByText('Assessment returned to the social worker', { exact: true }).waitFor();
    await w2.goto(assessment);
    assert.match(await w2.getByTestId('assessment-summary').textContent(), /Say what the health visitor told you\./);
    await w2.getByLabel('Analysis').fill('The home is cold and feeding is irregular; the health visitor confirms weight loss. Mum accepts help.');
    await w2.getByRole('button', { name: 'Save and send for authorisation' }).click();
    await w2.getByText('Assessment sent for authorisation', { exact: true }).waitFor();
    await m.getByRole('link', { name: 'My work' }).click();
    await m.getByTestId('awaiting-assessments').getByRole('link', { name: 'Open the assessment of Marigold Quenby' }).click();
    await m.getByRole('button', { name: 'Authorise assessment' }).click();
    await m.getByText('Assessment authorised', { exact: true }).waitFor();
    await w2.goto(record);
    assert.match(await w2.getByTestId('deadlines').textContent(), /Met on time/);
    assert.match(await w2.getByTestId('social-care').textContent(), /Authorised on/);

    // She proposes closing the episode; the manager closes it from My work.
    await w2.getByRole('link', { name: 'Propose closing the episode' }).click();
    await w2.getByLabel('Case closed after assessment, no further action').check();
    await w2.getByLabel('Summary').fill('Mum has support from the health visitor and her family; no further action.');
    await w2.getByRole('button', { name: 'Propose closure' }).click();
    await w2.getByText(/^Closure proposed/).first().waitFor();
    await m.getByRole('link', { name: 'My work' }).click();
    await m.getByTestId('awaiting-closures').getByRole('link', { name: /Open the closure of Marigold Quenby/ }).click();
    assert.match(await m.getByTestId('closure-proposal').textContent(), /no further action/);
    await m.getByRole('button', { name: 'Close the episode' }).click();
    await m.getByText('Children in Need episode closed', { exact: true }).waitFor();
    assert.equal(await m.getByTestId('awaiting-closures').getByRole('link', { name: /Marigold Quenby/ }).count(), 0);
  } finally {
    await front.close();
    await manager.close();
    await worker.close();
  }
});
