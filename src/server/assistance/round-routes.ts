import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DistributionRound, EntitlementQuery, IssueResult, IssuedEntitlement, RoundInput, RoundPreview, RoundPreviewInput, RoundQuery, RoundRejection,
  RoundTransition, RoundUpdate,
} from '#domain/assistance/rounds';
import type { Ctx } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import { IdParam, IdempotencyHeaders, PageOf, sendCreated } from '../http/route-schemas.ts';
import { approveRound, closeRound, rejectRound, submitRound } from './approval.ts';
import { issueEntitlements, previewRound, roundEntitlements } from './issue.ts';
import * as rounds from './rounds.ts';

/** Distribution rounds: drafting, preview, maker-checker approval, issuing entitlements, closing. */
export const roundRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  const tags = ['assistance'];
  app.post('/programmes/:id/rounds', {
    schema: {
      tags, params: IdParam, headers: IdempotencyHeaders, body: RoundInput, response: { 201: DistributionRound },
      description: 'Drafts a round: targeting rules and entitlement formula as data, distribution points. The number is the next one unless given.',
    },
  }, async (request, reply) =>
    sendCreated(reply, await rounds.createRound(ctx, requireActor(request), request.params.id, request.body, request.headers['idempotency-key'])));

  app.get('/programmes/:id/rounds', { schema: { tags, params: IdParam, querystring: RoundQuery, response: { 200: PageOf(DistributionRound) } } }, async (request) =>
    rounds.listRounds(ctx, requireActor(request), request.params.id, request.query));

  app.get('/distribution-rounds/:id', { schema: { tags, params: IdParam, response: { 200: DistributionRound } } }, async (request) =>
    rounds.getRound(ctx, requireActor(request), request.params.id));

  app.patch('/distribution-rounds/:id', {
    schema: { tags, params: IdParam, body: RoundUpdate, description: 'Changes a draft at the version read; any other status is a 409.', response: { 200: DistributionRound } },
  }, async (request) => rounds.updateRound(ctx, requireActor(request), request.params.id, request.body));

  app.post('/distribution-rounds/:id/preview', {
    schema: {
      // A request without a body reaches validation as null.
      tags, params: IdParam, body: RoundPreviewInput.nullish(), response: { 200: RoundPreview },
      description: 'How many households and people the rules target now, by governorate and district, and the totals of the formula. Nothing is created. '
        + 'Without a body (or `{}`): the round as stored (`assistance.read`). With `{ startsOn?, endsOn?, rules?, formula?, pointIds? }`: the draft as it would be with these '
        + 'unsaved edits, checked as a PATCH checks them (422 with each field at fault); only for a draft (409 otherwise) and its managers (`assistance.manage`).',
    },
  }, async (request) => previewRound(ctx, requireActor(request), request.params.id, request.body ?? {}));

  app.post('/distribution-rounds/:id/submit', {
    schema: { tags, params: IdParam, body: RoundTransition, description: 'The maker sends the draft (at this version) for approval.', response: { 200: DistributionRound } },
  }, async (request) => submitRound(ctx, requireActor(request), request.params.id, request.body.version));

  app.post('/distribution-rounds/:id/approve', {
    schema: { tags, params: IdParam, body: RoundTransition, description: 'A checker (`assistance.approve`) who neither prepared nor submitted the round approves it as read.', response: { 200: DistributionRound } },
  }, async (request) => approveRound(ctx, requireActor(request), request.params.id, request.body.version));

  app.post('/distribution-rounds/:id/reject', {
    schema: { tags, params: IdParam, body: RoundRejection, description: 'A checker sends the submitted round back to draft with the reason.', response: { 200: DistributionRound } },
  }, async (request) => rejectRound(ctx, requireActor(request), request.params.id, request.body.version, request.body.reason));

  app.post('/distribution-rounds/:id/issue', {
    schema: {
      tags, params: IdParam, body: RoundTransition, response: { 200: IssueResult },
      description: 'Creates the entitlements of the approved round (at this version), once: issued already, or changed since it was read, is a 409 with the current round.',
    },
  }, async (request) => issueEntitlements(ctx, requireActor(request), request.params.id, request.body.version));

  app.post('/distribution-rounds/:id/close', {
    schema: { tags, params: IdParam, body: RoundTransition, description: 'Closes the issued round (at this version) for good; a stale version is a 409 with the current round.', response: { 200: DistributionRound } },
  }, async (request) => closeRound(ctx, requireActor(request), request.params.id, request.body.version));

  app.get('/distribution-rounds/:id/entitlements', {
    schema: { tags, params: IdParam, querystring: EntitlementQuery, response: { 200: PageOf(IssuedEntitlement) } },
  }, async (request) => roundEntitlements(ctx, requireActor(request), request.params.id, request.query));
};
