import { CommonFundAccount } from './common-fund-account.entity';
import { CommonFundCase } from './common-fund-case.entity';
import { CommonFundCaseEventRow } from './common-fund-case-event.entity';
import { CommonFundFeedIssueRow } from './common-fund-feed-issue.entity';
import { CommonFundTransactionRow } from './common-fund-transaction.entity';
import { SharedBank } from './shared-bank.entity';

export { CommonFundAccount, CommonFundCase, CommonFundCaseEventRow, CommonFundFeedIssueRow, CommonFundTransactionRow, SharedBank };

export const COMMON_FUND_ENTITIES = [SharedBank, CommonFundAccount, CommonFundTransactionRow, CommonFundFeedIssueRow, CommonFundCase, CommonFundCaseEventRow];
