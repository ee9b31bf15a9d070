import { parseFleetOptions, UsageError } from './fleet-options';

describe('parseFleetOptions', () => {
  it('has defaults for everything', () => {
    expect(parseFleetOptions([])).toEqual({ computers: 1000, entities: 20, softwarePerComputer: 150, catalogue: 3000, seed: 1, batch: 2000, force: false, help: false });
  });

  it('reads every option, with a space or an equals sign', () => {
    expect(
      parseFleetOptions(['--computers', '100000', '--entities=5', '--software-per-computer', '80', '--catalogue', '500', '--seed', '42', '--batch', '500', '--force']),
    ).toEqual({ computers: 100_000, entities: 5, softwarePerComputer: 80, catalogue: 500, seed: 42, batch: 500, force: true, help: false });
    expect(parseFleetOptions(['-h']).help).toBe(true);
  });

  it('lists every invalid value at once', () => {
    expect(() => parseFleetOptions(['--computers', 'many', '--entities', '300'])).toThrow(UsageError);
    const message = messageOf(() => parseFleetOptions(['--computers', '1e5', '--entities', '300', '--seed=-1']));
    expect(message).toMatch(/--computers must be an integer/);
    expect(message).toMatch(/--entities must be an integer from 1 to 254/);
    expect(message).toMatch(/--seed must be an integer/);
  });

  it('refuses unknown options and stray arguments', () => {
    expect(() => parseFleetOptions(['--computer', '10'])).toThrow(UsageError);
    expect(() => parseFleetOptions(['100'])).toThrow(/Unexpected argument/);
    expect(() => parseFleetOptions(['--computers'])).toThrow(UsageError);
  });
});

function messageOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}
