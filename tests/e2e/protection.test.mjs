// Child protection, a plan, a visit and supervision in Debian's Chromium: a referred child is
// allocated to the social worker, who records a strategy discussion (what she typed survives a
// closed browser), concludes the section 47 enquiry and records the initial conference, which starts
// a child protection plan. She writes the plan's actions and records the first core group and a
// visit at which the child was seen alone; the manager authorises the plan, sees the weighted
// caseload, and records the case's supervision. The record shows each deadline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn } from './server.mjs';
import { referAndAllocate, fillDate, daysAgo, daysAhead, lastWorkingDay } from './journeys.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('strategy discussion to conference to plan, a visit and supervision', async () => {
  const front = await launchBrowser();
  const manager = await launchBrowser();
  let worker = await launchBrowser();
  // The strategy discussion and the conference fall on the last working day, whatever day it is.
  const held = lastWorkingDay(daysAgo(0));
  try {
    const m = await manager.context.newPage();
    await referAndAllocate(front, m, server.url, {
      forename: 'Saffron', surname: 'Quilliam', born: ['14', '5', '2019'], received: daysAgo(7),
    });
    const record = m.url().replace(/\?.*$/, '');

    // The strategy discussion: what she types is kept through a closed browser.
    let w = await worker.context.newPage();
    await signIn(w, server.url, 'socialworker');
    await w.goto(record);
    await w.getByRole('link', { name: 'Child protection and plans' }).click();
    await w.getByRole('button', { name: 'Record a strategy discussion' }).click();
    await w.getByLabel('Reasons for the decision').fill('Saffron told her teacher her stepfather hit her with a belt; marks seen on her legs.');
    await w.getByText(/Draft saved at/).waitFor();
    await worker.close();
    worker = await launchBrowser();
    w = await worker.context.newPage();
    await signIn(w, server.url, 'socialworker');
    await w.goto(`${record}/strategy-discussions/new`);
    await w.getByText('We kept what you typed').waitFor();
    assert.match(await w.getByLabel('Reasons for the decision').inputValue(), /with a belt/);
    await fillDate(w, 'When was it held?', held);
    await w.getByLabel('Name 1').fill('Jess Hartley');
    await w.getByLabel('Agency 1').selectOption('social_care');
    await w.getByLabel('Name 2').fill('DC Amir Khan');
    await w.getByRole('button', { name: 'Record strategy discussion' }).click();
    // Agency 2 was left out: the page says so and keeps everything.
    await w.getByText('Choose the agency DC Amir Khan came from').first().waitFor();
    assert.match(await w.getByLabel('Reasons for the decision').inputValue(), /with a belt/);
    await w.getByLabel('Agency 2').selectOption('police');
    await w.getByLabel('Name 3').fill('School nurse Amy Clarke');
    await w.getByLabel('Agency 3').selectOption('health');
    await w.getByLabel('Start a section 47 enquiry').check();
    await w.getByRole('button', { name: 'Record strategy discussion' }).click();
    await w.getByText('Strategy discussion recorded', { exact: true }).waitFor();
    assert.match(await w.getByTestId('enquiry-summary').textContent(), /Initial child protection conference.*15 working days left/s);

    // The enquiry concludes; the conference starts a plan.
    await w.getByLabel('Concerns substantiated: convene an initial child protection conference').check();
    await w.getByLabel('Findings').fill('Bruising consistent with a belt; Saffron repeated her account to the police.');
    await w.getByRole('button', { name: 'Conclude enquiry' }).click();
    await w.getByText('Enquiry concluded', { exact: true }).waitFor();
    await fillDate(w, 'When was it held?', held);
    await w.getByLabel('Chair').fill('Dana Whitlock');
    await w.getByLabel('Yes: a child protection plan starts today').check();
    await w.getByLabel('Category of abuse (for a plan)').selectOption('PHY');
    await w.getByRole('button', { name: 'Record conference' }).click();
    await w.getByText('Initial child protection conference recorded', { exact: true }).waitFor();
    const plan = w.url().replace(/\?.*$/, '');
    const summary = await w.getByTestId('plan-summary').textContent();
    assert.match(summary, /Physical abuse/);
    assert.match(summary, /First core group meeting.*10 working days left/s);
    assert.match(summary, /Review child protection conference/);

    // The plan's actions, then the first core group.
    const action = w.getByTestId('action-1');
    await action.getByLabel('What will happen').fill('Stepfather leaves the home while the police investigate');
    await action.getByLabel('Who is responsible').fill('Mother, with the police');
    const by = daysAhead(14);
    await action.getByLabel('Day').fill(String(by.getUTCDate()));
    await action.getByLabel('Month').fill(String(by.getUTCMonth() + 1));
    await action.getByLabel('Year').fill(String(by.getUTCFullYear()));
    await action.getByLabel('What it should change for the child').fill('Saffron is not hit and feels safe at home');
    await w.getByRole('button', { name: 'Save actions' }).click();
    await w.getByText('Plan actions saved', { exact: true }).waitFor();
    assert.match(await w.getByTestId('actions').textContent(), /feels safe at home/);
    await w.getByRole('button', { name: 'Record core group' }).click();
    await w.getByText('Core group meeting recorded', { exact: true }).waitFor();
    assert.match(await w.getByTestId('plan-summary').textContent(), /First core group meeting.*Met on time/s);
    await w.screenshot({ path: 'tests/e2e/screenshots/child_protection_plan.png', fullPage: true });

    // A visit: Saffron seen alone.
    await w.goto(record);
    await w.getByRole('link', { name: 'Visits', exact: true }).click();
    await w.getByRole('button', { name: 'Record a visit' }).click();
    await w.getByLabel('Yes, seen alone').check();
    await w.getByLabel('What the child said').fill('It is quieter at home now. I sleep better.');
    await w.getByLabel('What you saw').fill('Saffron showed me her room; no new marks; mother attentive.');
    await w.getByRole('button', { name: 'Record visit' }).click();
    await w.getByText('Visit recorded', { exact: true }).waitFor();
    assert.match(await w.getByTestId('visits').textContent(), /Seen alone.*I sleep better/s);
    assert.match(await w.getByTestId('visit-deadlines').textContent(), /10 working days left/);

    // The manager authorises the plan, sees the caseload weighted, and supervises the case.
    await m.goto(plan);
    await m.getByRole('button', { name: 'Authorise the plan' }).click();
    await m.getByText('Plan authorised: its actions are final', { exact: true }).waitFor();
    await m.getByRole('link', { name: 'Allocation' }).click();
    const jess = m.getByTestId('caseloads').getByRole('row').filter({ hasText: 'Jess Hartley' });
    const [, , children, protectionPlans, , weighted] = await jess.getByRole('cell').allTextContents();
    assert.ok(Number(protectionPlans) >= 1);
    assert.equal(Number(weighted), Number(children) + Number(protectionPlans) / 2);
    await m.goto(`${record}/supervision`);
    await m.getByRole('button', { name: 'Record supervision' }).click();
    await m.getByLabel('What was discussed').fill('The plan, Saffron\'s account, and whether the stepfather has contact.');
    await m.getByLabel('Decisions').fill('No contact with the stepfather until the police investigation ends.');
    await m.getByRole('button', { name: 'Record supervision' }).click();
    await m.getByText('Supervision recorded', { exact: true }).waitFor();
    assert.match(await m.getByTestId('supervisions').textContent(), /No contact with the stepfather/);
    await m.goto(record);
    const social = await m.getByTestId('social-care').textContent();
    assert.match(social, /Child protection plan since/);
    assert.match(social, /seen alone/);
  } finally {
    await front.close();
    await manager.close();
    await worker.close();
  }
});
