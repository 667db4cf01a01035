// POST /api/campaigns/:id/leads/add – the seed's alias of POST /api/campaigns/:id/leads (the same handler)
export { POST } from '../route';
