import type { Viewer } from '../../auth/viewer.ts';
import type { QueryBudget } from '../../graphql/query-budget.ts';
import { ServiceError } from '../../shared/errors.ts';
import { ExportAbandoned } from './sink.ts';

/**
 * What one page of an export costs the client's query budget. A page reads up to a few thousand nodes,
 * or the participations of a few hundred initiatives: as much as about twenty pages of a hundred through
 * the API, each of which is charged at least the minimum request cost.
 */
export const exportPageCost = 400;

/**
 * Charges an export to its client's query budget, the one GraphQL requests spend, page by page, so
 * that what an export costs grows with what it reads. The first page is charged before any database
 * work, and a client over budget is refused there (TOO_MANY_REQUESTS with retryAfterSeconds). A later
 * page over budget waits until the budget has filled again, rather than cutting a file short: an
 * export goes on at the pace its client's share allows.
 */
export class ExportCharges {
  private firstPaid = false;

  constructor(
    private readonly budget: QueryBudget,
    private readonly viewer: Viewer,
    private readonly clientAddress: string,
    /** True once the client has gone away: it stops the waiting. */
    private readonly abandoned: () => boolean,
  ) {}

  /** Charges the first page; throws TOO_MANY_REQUESTS when the budget has not enough left. */
  async first(): Promise<void> {
    await this.budget.charge(this.viewer, this.clientAddress, exportPageCost);
    this.firstPaid = true;
  }

  /** Before each page is read: the first was paid by first(); a later one waits for the budget while it is spent. */
  async page(): Promise<void> {
    if (this.firstPaid) {
      this.firstPaid = false;
      return;
    }
    for (;;) {
      if (this.abandoned()) throw new ExportAbandoned('the client went away');
      try {
        await this.budget.charge(this.viewer, this.clientAddress, exportPageCost);
        return;
      } catch (error) {
        if (!(error instanceof ServiceError) || error.code !== 'TOO_MANY_REQUESTS') throw error;
        await new Promise((resolve) => setTimeout(resolve, Number(error.extensions.retryAfterSeconds ?? 1) * 1000));
      }
    }
  }
}
