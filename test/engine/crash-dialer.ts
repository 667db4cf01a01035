// Run as a child process by crash-recovery.int.test.ts: one executor tick whose telephony logs
// every dial it sends and kills the whole process (SIGKILL, no clean-up) mid-batch.
import fs from 'node:fs';
import { openPostgres } from '@/db';
import { processActiveCampaigns } from '@/lib/services/engine';
import type { CallContext, PlacedCall, Telephony } from '@/lib/telephony/types';

const { DATABASE_URL, DIAL_LOG, KILL_AFTER, NOW } = process.env;
const killAfter = Number(KILL_AFTER);
let dials = 0;

const telephony: Telephony = {
  name: 'crashing',
  async placeCall(call: CallContext & { roomName: string }): Promise<PlacedCall> {
    fs.appendFileSync(DIAL_LOG!, `${call.lead.id}#${call.attemptNumber}#${call.roomName}\n`);
    if (++dials >= killAfter) process.kill(process.pid, 'SIGKILL');
    // Calls ring for a while; the process dies before any of them is answered.
    await new Promise((r) => setTimeout(r, 60_000));
    return { roomName: call.roomName };
  },
  async getCallState() {
    return 'unknown';
  },
  async hangUp() {},
};

const handle = await openPostgres(DATABASE_URL!, { max: 2 });
await processActiveCampaigns({ db: handle.db, telephony, clock: () => new Date(NOW!) });
