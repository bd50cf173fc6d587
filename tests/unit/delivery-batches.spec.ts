import { DELIVERY_BATCH_SIZE, deliveryBatches } from '../../src/notifications/notification-queue';

describe('deliveryBatches', () => {
  const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(from + i).padStart(12, '0')}`);

  it('splits rows into batches of at most the batch size, each row once', () => {
    const rows = ids(DELIVERY_BATCH_SIZE * 2 + 1);
    const batches = deliveryBatches([...rows, rows[0], rows[7]]);
    expect(batches.map((b) => b.notificationIds.length)).toEqual([DELIVERY_BATCH_SIZE, DELIVERY_BATCH_SIZE, 1]);
    expect(batches.flatMap((b) => b.notificationIds).sort()).toEqual(rows);
    expect(new Set(batches.map((b) => b.jobId)).size).toBe(3);
  });

  it('names a batch by its rows whatever their order, and a different set differently', () => {
    const rows = ids(3);
    expect(deliveryBatches([...rows].reverse())[0].jobId).toBe(deliveryBatches(rows)[0].jobId);
    expect(deliveryBatches(ids(3, 1))[0].jobId).not.toBe(deliveryBatches(rows)[0].jobId);
    expect(deliveryBatches([])).toEqual([]);
  });
});
