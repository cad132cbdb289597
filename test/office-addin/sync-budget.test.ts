import { officeSyncBudget } from '../../bench/office-syncs';

describe('Office.js round-trip budget (strict fake)', () => {
  it('stays within 6 syncs for 35 candidates, 25 for 600, and no sync over 4 MB', async () => {
    const rows = await officeSyncBudget([35, 600]);
    for (const r of rows) {
      expect(r.syncs).toBeLessThanOrEqual(r.candidates === 35 ? 6 : 25);
      expect(r.maxRequestBytes).toBeLessThan(4 * 1024 * 1024);
      expect(r.maxResponseBytes).toBeLessThan(4 * 1024 * 1024);
    }
  }, 300000);
});
