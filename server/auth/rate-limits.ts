import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { tooManyRequests } from '../shared/errors.ts';

export interface RateLimits {
  login: RateLimiterMemory;
  registration: RateLimiterMemory;
}

/** Per client address. In memory: each instance counts its own clients (a proxy should add a shared limit). */
export function createRateLimits(limits: { loginsPerMinute: number; registrationsPerHour: number }): RateLimits {
  return {
    login: new RateLimiterMemory({ keyPrefix: 'login', points: limits.loginsPerMinute, duration: 60 }),
    registration: new RateLimiterMemory({ keyPrefix: 'registration', points: limits.registrationsPerHour, duration: 3600 }),
  };
}

/** Counts one attempt; throws TOO_MANY_REQUESTS once the address has used up its attempts. */
export async function consume(limiter: RateLimiterMemory, clientAddress: string): Promise<void> {
  try {
    await limiter.consume(clientAddress);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooManyRequests(Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}
