// A missing child in Debian's Chromium: the social worker records a child she holds missing two days
// ago; the record warns of it and the missing and exploitation team's page lists her as missing now.
// From that page the worker records her return (a missing "where found" is shown at its field), and
// the page then lists the return home interview to offer within 72 hours. What the worker types
// about the interview survives a closed browser; once recorded, the interview leaves the list. A
// screening that finds a high risk of criminal exploitation puts her among the children at risk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn } from './server.mjs';
import { referAndAllocate, fillDate, daysAgo } from './journeys.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('a missing episode, the return interview and an exploitation screening', async () => {
  const front = await launchBrowser();
  const manager = await launchBrowser();
  let worker = await launchBrowser();
  try {
    const m = await manager.context.newPage();
    await referAndAllocate(front, m, server.url, { forename: 'Kezia', surname: 'Marlow', born: ['14', '6', '2011'], received: daysAgo(10) });
    const record = m.url().replace(/\?.*$/, '');

    let w = await worker.context.newPage();
    await signIn(w, server.url, 'socialworker');
    await w.goto(record);
    await w.getByRole('link', { name: 'Record the child missing' }).click();
    await fillDate(w, 'Since when?', daysAgo(2));
    await w.getByLabel('Missing: whereabouts unknown').check();
    await w.getByRole('button', { name: 'Record missing' }).click();
    await w.getByText('Missing episode recorded', { exact: true }).waitFor();
    await w.goto(record);
    assert.match(await w.getByTestId('missing-now').textContent(), /Missing since/);

    // The team's page lists her; the return is recorded from there.
    await w.getByRole('link', { name: 'Missing', exact: true }).click();
    assert.match(await w.getByTestId('missing-now').textContent(), /Kezia/);
    await w.getByTestId('missing-now').getByRole('link', { name: /Record return.*Kezia/ }).click();
    await w.getByRole('button', { name: 'Record return' }).click();
    await w.getByText('Say where the child was found or came back from').first().waitFor();
    await w.getByLabel('Where were they found, or where did they come back from?').fill('Found by police at a flat in Great Yarmouth');
    await w.getByRole('button', { name: 'Record return' }).click();
    await w.getByText(/Return recorded/).waitFor();
    await w.getByRole('link', { name: 'Missing', exact: true }).click();
    assert.doesNotMatch(await w.getByTestId('missing-now').textContent(), /Kezia/);
    assert.match(await w.getByTestId('interviews-due').textContent(), /Kezia/);

    // The interview: what she typed survives a closed browser.
    await w.getByTestId('interviews-due').getByRole('link', { name: /Record interview.*Kezia/ }).click();
    const interview = w.url();
    await w.getByLabel('What did the child say?').fill('Kezia went with two older boys who gave her a phone; she was told to carry a bag.');
    await w.getByText(/Draft saved at/).waitFor();
    await worker.close();
    worker = await launchBrowser();
    w = await worker.context.newPage();
    await signIn(w, server.url, 'socialworker');
    await w.goto(interview);
    await w.getByText('We kept what you typed').waitFor();
    assert.match(await w.getByLabel('What did the child say?').inputValue(), /carry a bag/);
    await w.getByLabel('Yes').check();
    await fillDate(w, 'When was it held?', daysAgo(0));
    await w.getByRole('button', { name: 'Record interview' }).click();
    await w.getByText('Return home interview recorded', { exact: true }).waitFor();
    assert.match(await w.getByTestId('missing-episodes').textContent(), /carry a bag/);

    // A screening finds a high risk of criminal exploitation.
    await w.getByRole('button', { name: 'Screen for exploitation' }).click();
    await w.getByLabel('Criminal exploitation, county lines').check();
    await w.getByLabel('High risk').check();
    await w.getByLabel('What did the screening find?').fill('Older boys, a second phone, carrying a bag for them; missing overnight.');
    await w.getByRole('button', { name: 'Record screening' }).click();
    await w.getByText('Exploitation screening recorded', { exact: true }).waitFor();
    await w.getByRole('link', { name: 'Missing', exact: true }).click();
    assert.doesNotMatch(await w.getByTestId('interviews-due').textContent(), /Kezia/);
    const atRisk = await w.getByTestId('at-risk').textContent();
    assert.match(atRisk, /Kezia/);
    assert.match(atRisk, /High risk/);
    assert.match(atRisk, /Criminal/);
  } finally {
    await front.close();
    await manager.close();
    await worker.close();
  }
});
