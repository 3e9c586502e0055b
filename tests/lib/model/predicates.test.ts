import { describe, expect, it } from 'vitest';
import { isCurrent, isOnMap, isRemoteOnly, isRunning, offersRemote } from '../../../src/lib/model/predicates.ts';
import type { Service } from '../../../src/lib/model/types.ts';

const service = (fields: Partial<Service>): Service => ({ id: 's', name: 'S', status: 'active', ...fields }) as Service;

describe('isRunning and isCurrent', () => {
  it('counts a paused service as current but not running, and a closed one as neither', () => {
    expect([isRunning(service({})), isCurrent(service({}))]).toEqual([true, true]);
    expect([isRunning(service({ status: 'temporarily-closed' })), isCurrent(service({ status: 'temporarily-closed' }))]).toEqual([false, true]);
    expect([isRunning(service({ status: 'closed' })), isCurrent(service({ status: 'closed' }))]).toEqual([false, false]);
  });
});

describe('isRemoteOnly and offersRemote', () => {
  it('calls a service with no venue, given online or by phone, remote only', () => {
    expect(isRemoteOnly(service({ delivery: ['online'] } as Partial<Service>))).toBe(true);
    expect(isRemoteOnly(service({ settings: ['online', 'phone'] } as Partial<Service>))).toBe(true);
    expect(isRemoteOnly(service({ delivery: ['online'], locations: [{ town: 'Hove' }] } as Partial<Service>))).toBe(false);
  });

  it('says a service with a venue and an online side offers remote support', () => {
    expect(offersRemote(service({ delivery: ['phone'], locations: [{ town: 'Hove' }] } as Partial<Service>))).toBe(true);
    expect(offersRemote(service({ locations: [{ town: 'Hove' }] } as Partial<Service>))).toBe(false);
  });
});

describe('isOnMap', () => {
  it('puts a running service with coordinates on the map, and not a paused one', () => {
    const located = { locations: [{ latitude: 50.8, longitude: -0.1 }] } as Partial<Service>;
    expect(isOnMap(service(located))).toBe(true);
    expect(isOnMap(service({ ...located, status: 'temporarily-closed' }))).toBe(false);
    expect(isOnMap(service({ locations: [{ town: 'Nowhere' }] } as Partial<Service>))).toBe(false);
  });
});
