// The statutory returns in Debian's Chromium: a performance analyst produces the Children in Need census for the year ending 31 March 2026; the
// return's page gives the validator's findings grouped by rule and the file to download, whose
// bytes are the census the command line writes from the same record. The data-quality page checks
// the year under way, and a team manager sees the same return. The SSDA903 return comes with last
// year's tables, which its rules compare with, and is checked the same way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, signIn } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('an analyst produces the census, reads its findings and downloads it', async () => {
  const analyst = await launchBrowser();
  const manager = await launchBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'safeguard-returns-'));
  try {
    const a = await analyst.context.newPage();
    await signIn(a, server.url, 'analyst');
    await a.getByRole('link', { name: 'Returns', exact: true }).click();
    assert.match(await a.getByTestId('produced-returns').textContent(), /No return has been produced yet/);

    // A year left out is named at its field.
    await a.getByLabel('Children in Need census').check();
    await a.getByRole('button', { name: 'Produce the return' }).click();
    await a.getByText('Choose the collection year').first().waitFor();

    await a.getByLabel('Collection year').selectOption('2026');
    await a.getByRole('button', { name: 'Produce the return' }).click();
    await a.getByRole('heading', { name: 'Children in Need census' }).waitFor();
    const counts = await a.getByTestId('finding-counts').textContent();
    assert.match(counts, /^0 errors and \d+ quer(y|ies)$/);

    // The file downloaded is the census the record gives.
    const [download] = await Promise.all([
      a.waitForEvent('download'),
      a.getByTestId('files').getByRole('link', { name: 'cin-census-2026.xml' }).click(),
    ]);
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const cli = join(dir, 'cli.xml');
    server.cli('returns', 'cin', '--db', server.db, '--year', '2026', '-o', cli);
    assert.equal(readFileSync(saved, 'utf8'), readFileSync(cli, 'utf8'));

    // The data-quality page checks the year under way.
    await a.getByRole('link', { name: 'Returns', exact: true }).click();
    await a.getByRole('link', { name: 'See which rules the record would fail today' }).click();
    await a.getByRole('heading', { name: 'Data quality: the Children in Need census' }).waitFor();
    assert.match(await a.getByTestId('finding-counts').textContent(), /\d+ errors? and \d+ quer(y|ies)/);

    // A team manager sees the return the analyst produced.
    const m = await manager.context.newPage();
    await signIn(m, server.url, 'manager');
    await m.getByRole('link', { name: 'Returns', exact: true }).click();
    assert.match(await m.getByTestId('produced-returns').textContent(), /Children in Need census/);
    assert.equal(await m.getByRole('button', { name: 'Produce the return' }).count(), 0);
    await m.getByTestId('produced-returns').getByRole('link', { name: /View/ }).click();
    assert.equal(await m.getByTestId('finding-counts').textContent(), counts);
  } finally {
    await analyst.close();
    await manager.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an analyst produces the SSDA903 return with last year\'s and reads its findings', async () => {
  const analyst = await launchBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'safeguard-returns-903-'));
  try {
    const a = await analyst.context.newPage();
    await signIn(a, server.url, 'analyst');
    await a.getByRole('link', { name: 'Returns', exact: true }).click();
    await a.getByLabel('SSDA903 (children looked after)').check();
    await a.getByLabel('Collection year').selectOption('2026');
    await a.getByRole('button', { name: 'Produce the return' }).click();
    await a.getByRole('heading', { name: 'SSDA903 (children looked after)' }).waitFor();
    assert.match(await a.getByTestId('finding-counts').textContent(), /^\d+ errors? and \d+ quer(y|ies)$/);
    // Without Ofsted's lists, the rules about providers are not run, and the page says so.
    assert.match(await a.getByTestId('skipped-rules').textContent(), /1008: needs the Ofsted provider lists/);
    await a.getByTestId('findings-by-rule').waitFor();

    // This year's tables and last year's, as the command line writes them from the same record.
    const cli = join(dir, 'cli');
    server.cli('returns', '903', '--db', server.db, '--year', '2026', '-o', cli, '--previous');
    for (const [link, file] of [['Episodes.csv', 'Episodes.csv'], ['previous-Episodes.csv', 'previous/Episodes.csv']]) {
      const [download] = await Promise.all([
        a.waitForEvent('download'),
        a.getByTestId('files').getByRole('link', { name: link, exact: true }).click(),
      ]);
      const saved = join(dir, link);
      await download.saveAs(saved);
      assert.equal(readFileSync(saved, 'utf8'), readFileSync(join(cli, file), 'utf8'));
    }

    // Its data quality this year, from the census's page.
    await a.getByRole('link', { name: 'Returns', exact: true }).click();
    await a.getByRole('link', { name: 'See which rules the record would fail today' }).click();
    await a.getByRole('link', { name: "See the SSDA903 return's data quality" }).click();
    await a.getByRole('heading', { name: 'Data quality: the SSDA903 return' }).waitFor();
    assert.match(await a.getByTestId('finding-counts').textContent(), /\d+ errors? and \d+ quer(y|ies)/);
  } finally {
    await analyst.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
