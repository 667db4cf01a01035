// The layer rule (eslint.config.mjs) holds: one forbidden import of each kind is reported, an allowed one
// is not. Each probe is linted as if it sat in its layer, through ESLint's own API and the project's config.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const layerRules = new Set(['import/no-restricted-paths', '@typescript-eslint/no-restricted-imports']);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function layerViolations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId && layerRules.has(m.ruleId)).map((m) => m.message);
}

describe('the layer rule', () => {
  it.each([
    ['db/ imports lib/', 'db/schema/layer-probe.ts', "import { env } from '@/lib/env';\nexport const probe = env;\n"],
    ['lib/telephony imports lib/services', 'lib/telephony/layer-probe.ts', "import { settleCall } from '@/lib/services/calls/settle-call';\nexport const probe = settleCall;\n"],
    ['app/api imports db/', 'app/api/layer-probe/route.ts', "import { schema } from '@/db';\nexport const probe = schema;\n"],
    ['lib/services imports next/*', 'lib/services/layer-probe.ts', "import { NextResponse } from 'next/server';\nexport const probe = NextResponse;\n"],
    ['lib/services imports app/', 'lib/services/layer-probe.ts', "import { GET } from '@/app/api/openapi.json/route';\nexport const probe = GET;\n"],
    ['lib/services imports components/', 'lib/services/layer-probe.ts', "import { Button } from '@/components/ui/button';\nexport const probe = Button;\n"],
    ['components/ value-imports lib/services', 'components/layer-probe.tsx', "import { settleCall } from '@/lib/services/calls/settle-call';\nexport const probe = settleCall;\n"],
    ['shared/ imports lib/', 'shared/layer-probe.ts', "import { stripNul } from '@/lib/nul-bytes';\nexport const probe = stripNul;\n"],
  ])('reports %s', async (_kind, filePath, code) => {
    expect(await layerViolations(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['db/ imports shared/', 'db/schema/layer-probe.ts', "import { callStatuses } from '@/shared/statuses';\nexport const probe = callStatuses;\n"],
    ['components/ type-imports lib/services', 'components/layer-probe.tsx', "import type { ScoreResult } from '@/lib/services/qualification';\nexport type Probe = ScoreResult;\n"],
    ['components/ value-imports a contract', 'components/layer-probe.tsx', "import { createCampaignBody } from '@/shared/contracts/campaign-body';\nexport const probe = createCampaignBody;\n"],
    ['lib/services imports db/', 'lib/services/layer-probe.ts', "import { schema } from '@/db';\nexport const probe = schema;\n"],
    ['shared/ imports shared/', 'shared/layer-probe.ts', "import { sniffDelimiter } from '@/shared/csv-dialect';\nexport const probe = sniffDelimiter;\n"],
    ['lib/client imports the CSV dialect', 'lib/client/layer-probe.ts', "import { csvParseOptions } from '@/shared/csv-dialect';\nexport const probe = csvParseOptions;\n"],
  ])('allows %s', async (_kind, filePath, code) => {
    expect(await layerViolations(filePath, code)).toEqual([]);
  });
});
