import { cpuBetween, readCpu } from '../../scripts/bench/cpu-use';

describe('CPU use of process groups (clocks benchmark)', () => {
  it('counts the CPU this process burns, in its group only', () => {
    const groups = { self: (_: string, pid: number) => pid === process.pid, nobody: () => false };
    const before = readCpu(groups);
    const until = Date.now() + 500;
    let spins = 0;
    while (Date.now() < until) spins++;
    const used = cpuBetween(before, readCpu(groups));
    expect(spins).toBeGreaterThan(0);
    // 500 ms of spinning, counted in hundredths of a second; a loaded machine may run it for a fraction of that time.
    expect(used.self).toBeGreaterThanOrEqual(0.05);
    expect(used.self).toBeLessThan(5);
    expect(used.nobody).toBe(0);
  });

  it('finds processes by their command line', () => {
    const reading = readCpu({ node: (cmdline) => cmdline.includes('node') || cmdline.includes('jest') });
    expect(reading.seconds.node).toBeGreaterThan(0);
  });
});
