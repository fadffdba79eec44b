import { computeMetrics, rate } from '../../server/src/campaigns/metrics';
import type { CampaignReportNumbers } from '../../server/src/providers/types';

const report = (over: Partial<CampaignReportNumbers> = {}): CampaignReportNumbers => ({
  emailsSent: 1000,
  hardBounces: 10,
  softBounces: 15,
  opens: 610,
  uniqueOpens: 390,
  clicks: 120,
  uniqueClicks: 78,
  unsubscribes: 39,
  spamComplaints: 2,
  timeseries: [],
  ...over,
});
const at = new Date('2026-05-04T07:30:00Z');

describe('campaign metrics (numbers worked out by hand)', () => {
  it('1000 sent, 10 hard + 15 soft bounces, 390 unique opens, 78 unique clicks, 39 unsubscribes', () => {
    const m = computeMetrics(report(), at);
    // delivered = 1000 - 10 - 15 = 975
    expect(m.recipients).toBe(1000);
    expect(m.delivered).toBe(975);
    // open rate = 390 / 975 = 0.4
    expect(m.openRate).toBeCloseTo(0.4, 10);
    // click-through rate = 78 / 975 = 0.08
    expect(m.clickThroughRate).toBeCloseTo(0.08, 10);
    // click-to-open rate = 78 / 390 = 0.2
    expect(m.clickToOpenRate).toBeCloseTo(0.2, 10);
    // bounce rate = (10 + 15) / 1000 = 0.025
    expect(m.bounceRate).toBeCloseTo(0.025, 10);
    // unsubscribe rate = 39 / 975 = 0.04
    expect(m.unsubscribeRate).toBeCloseTo(0.04, 10);
    expect(m).toMatchObject({
      opens: 610,
      uniqueOpens: 390,
      clicks: 120,
      uniqueClicks: 78,
      hardBounces: 10,
      softBounces: 15,
      unsubscribes: 39,
      spamComplaints: 2,
      takenAt: '2026-05-04T07:30:00.000Z',
    });
  });

  it('200 sent, 4 hard bounces, 49 unique opens, 7 unique clicks, 1 unsubscribe', () => {
    const m = computeMetrics(
      report({
        emailsSent: 200,
        hardBounces: 4,
        softBounces: 0,
        uniqueOpens: 49,
        uniqueClicks: 7,
        unsubscribes: 1,
      }),
      at
    );
    expect(m.delivered).toBe(196); // 200 - 4
    expect(m.openRate).toBeCloseTo(0.25, 10); // 49 / 196
    expect(m.clickThroughRate).toBeCloseTo(7 / 196, 10); // 0.0357…
    expect(m.clickToOpenRate).toBeCloseTo(1 / 7, 10); // 7 / 49
    expect(m.bounceRate).toBeCloseTo(0.02, 10); // 4 / 200
    expect(m.unsubscribeRate).toBeCloseTo(1 / 196, 10);
  });

  it('rates are 0 when their denominator is 0', () => {
    const none = computeMetrics(
      report({
        emailsSent: 0,
        hardBounces: 0,
        softBounces: 0,
        uniqueOpens: 0,
        uniqueClicks: 0,
        unsubscribes: 0,
      }),
      at
    );
    expect(none).toMatchObject({
      delivered: 0,
      openRate: 0,
      clickThroughRate: 0,
      clickToOpenRate: 0,
      bounceRate: 0,
      unsubscribeRate: 0,
    });
    // Delivered but nobody opened yet: the click-to-open rate has no opens to divide by.
    const noOpens = computeMetrics(report({ uniqueOpens: 0, uniqueClicks: 0 }), at);
    expect(noOpens.clickToOpenRate).toBe(0);
    expect(noOpens.openRate).toBe(0);
    expect(rate(3, 0)).toBe(0);
  });

  it('every address bounced: delivered is 0, never negative, and the bounce rate is 1', () => {
    const m = computeMetrics(report({ emailsSent: 20, hardBounces: 12, softBounces: 8 }), at);
    expect(m.delivered).toBe(0);
    expect(m.bounceRate).toBe(1);
    expect(m.openRate).toBe(0);
  });
});
