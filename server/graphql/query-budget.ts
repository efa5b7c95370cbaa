import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Viewer } from '../auth/viewer.ts';
import { tooManyRequests } from '../shared/errors.ts';

export interface QueryBudgetSettings {
  /** Cost per window for each client address that is not signed in. */
  anonymous: number;
  /** Cost per window for each signed-in account, wherever it asks from. */
  signedIn: number;
  windowSeconds: number;
}

/**
 * Every request is charged at least this much, so that a flood of cheap or invalid queries (a tool
 * guessing the schema from error messages) spends the budget too, not only costly ones.
 */
export const minimumRequestCost = 20;

/**
 * A fair share per client: each spends query cost (graphql-armor's, see limits.ts) from a budget that
 * fills up again every window. Anonymous clients are counted by address. A signed-in account is
 * counted by itself and not by address, so that the staff of a kommun behind one office address do
 * not share one budget; accounts are few and made by registration (rate-limited) or by an admin.
 * In memory: each instance counts its own clients, as the login limits do.
 */
export class QueryBudget {
  private readonly anonymous: RateLimiterMemory;
  private readonly signedIn: RateLimiterMemory;

  constructor(settings: QueryBudgetSettings) {
    this.anonymous = new RateLimiterMemory({ keyPrefix: 'budget-address', points: settings.anonymous, duration: settings.windowSeconds });
    this.signedIn = new RateLimiterMemory({ keyPrefix: 'budget-account', points: settings.signedIn, duration: settings.windowSeconds });
  }

  /** Refuses a client whose budget is spent, before its request is parsed or reaches the database. */
  async refuseIfSpent(viewer: Viewer, clientAddress: string): Promise<void> {
    const [limiter, key] = this.accountOf(viewer, clientAddress);
    const spent = await limiter.get(key);
    if (spent && spent.remainingPoints <= 0) throw tooManyRequests(secondsUntilRefill(spent));
  }

  /** Charges a request its cost; throws TOO_MANY_REQUESTS when that is more than is left. */
  async charge(viewer: Viewer, clientAddress: string, cost: number): Promise<void> {
    const [limiter, key] = this.accountOf(viewer, clientAddress);
    try {
      await limiter.consume(key, Math.max(minimumRequestCost, Math.ceil(cost)));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooManyRequests(secondsUntilRefill(error));
      throw error;
    }
  }

  private accountOf(viewer: Viewer, clientAddress: string): [RateLimiterMemory, string] {
    return viewer.accountId ? [this.signedIn, viewer.accountId] : [this.anonymous, clientAddress];
  }
}

function secondsUntilRefill(spent: RateLimiterRes): number {
  return Math.max(1, Math.ceil(spent.msBeforeNext / 1000));
}
