// The campaign stage: groups near-identical responses (template letters) into campaigns in the store.
import { CampaignStore } from '../../pipeline/store/campaign-store.js';
import type { Db } from '../../pipeline/store/db.js';
import { recordStage } from '../../pipeline/store/run-log.js';
import type { Logger } from '../../pipeline/util/log.js';
import { findCampaigns } from './find-campaigns.js';

export const CAMPAIGN_VERSION = '1';

export type CampaignStageOptions = Readonly<{ runId: number; threshold: number; minSize: number; paramsHash: string }>;

export function campaignStage(db: Db, options: CampaignStageOptions, log: Logger): { campaigns: number; members: number } {
  const startedAt = new Date().toISOString();
  const store = new CampaignStore(db);
  store.dropUncountedSignatures();
  const progress = log.progress('campaigns');
  const campaigns = findCampaigns(
    { scan: () => store.scanBands(), shingles: store.shinglesReader(), maxRid: store.maxRid() },
    { threshold: options.threshold, minSize: options.minSize },
  );
  const members = campaigns.reduce((s, c) => s + c.members.length, 0);
  store.writeCampaigns(campaigns, () =>
    recordStage(db, { runId: options.runId, stage: 'campaigns', version: CAMPAIGN_VERSION, paramsHash: options.paramsHash }, startedAt, { campaigns: campaigns.length, members }),
  );
  progress.done(`${campaigns.length} campaigns, ${members} responses`);
  return { campaigns: campaigns.length, members };
}
