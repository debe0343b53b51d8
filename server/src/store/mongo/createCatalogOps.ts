import { randomUUID } from 'node:crypto';
import { StoreError } from '../StoreError.js';
import type { CatalogOps, FlowRecord } from '../types.js';
import type { FlowDoc, FlowVersionDoc, Models, UserDoc } from './models.js';
import { isDuplicateKey } from './models.js';
import { toFlow, toFlowVersion, toUser } from './mappers.js';

/** Flows and their versions, settings and users over MongoDB. */
export function createCatalogOps({ Flow, FlowVersion, Setting, User }: Models): CatalogOps {
  return {
    async listFlows() {
      const docs = await Flow.find({ deletedAt: null }).sort({ name: 1, _id: 1 }).lean<FlowDoc[]>();
      return docs.map(toFlow);
    },

    async getFlow(id) {
      const doc = await Flow.findById(id).lean<FlowDoc>();
      return doc ? toFlow(doc) : null;
    },

    async createFlow({ id, name, draft, by, now }) {
      const doc: FlowDoc = { _id: id, name, draft, revision: 1, updatedAt: now, updatedBy: by, publishedVersion: null, deletedAt: null };
      try {
        await Flow.create(doc);
      } catch (error) {
        if (isDuplicateKey(error)) return { ok: false, reason: 'exists' };
        throw error;
      }
      return { ok: true, flow: toFlow(doc) };
    },

    async saveDraft({ id, name, draft, expectedRevision, by, now }) {
      const doc = await Flow.findOneAndUpdate(
        { _id: id, revision: expectedRevision, deletedAt: null },
        { $set: { name, draft, updatedAt: now, updatedBy: by }, $inc: { revision: 1 } },
        { new: true },
      ).lean<FlowDoc>();
      if (doc) return { ok: true, flow: toFlow(doc) };
      const current = await Flow.findById(id).lean<FlowDoc>();
      if (!current || current.deletedAt !== null) return { ok: false, reason: 'missing', current: null };
      const flow: FlowRecord = toFlow(current);
      return { ok: false, reason: 'conflict', current: flow };
    },

    async deleteFlow(id, now) {
      const result = await Flow.updateOne({ _id: id, deletedAt: null }, { $set: { deletedAt: now } });
      return result.modifiedCount === 1;
    },

    async publishFlow({ id, doc, by, summary, now }) {
      // Two publishers may pick the same number; the unique (flowId, version) index lets one win and
      // the other try the next number.
      for (;;) {
        const flow = await Flow.findById(id).lean<FlowDoc>();
        if (!flow || flow.deletedAt !== null) throw new StoreError('store/unknown-flow', `No flow ${id} to publish.`);
        const last = await FlowVersion.findOne({ flowId: id }).sort({ version: -1 }).lean<FlowVersionDoc>();
        const version: FlowVersionDoc = { flowId: id, version: (last?.version ?? 0) + 1, doc, publishedAt: now, publishedBy: by, summary };
        try {
          await FlowVersion.create(version);
        } catch (error) {
          if (isDuplicateKey(error)) continue;
          throw error;
        }
        await Flow.updateOne({ _id: id }, { $max: { publishedVersion: version.version } });
        return toFlowVersion(version);
      }
    },

    async listVersions(flowId) {
      const docs = await FlowVersion.find({ flowId }).sort({ version: 1 }).lean<FlowVersionDoc[]>();
      return docs.map(toFlowVersion);
    },

    async getVersion(flowId, version) {
      const doc = await FlowVersion.findOne({ flowId, version }).lean<FlowVersionDoc>();
      return doc ? toFlowVersion(doc) : null;
    },

    async publishedFlows() {
      const flows = await Flow.find({ deletedAt: null, publishedVersion: { $ne: null } }).sort({ _id: 1 }).lean<FlowDoc[]>();
      if (flows.length === 0) return [];
      const docs = await FlowVersion.find({ $or: flows.map((flow) => ({ flowId: flow._id, version: flow.publishedVersion })) }).lean<FlowVersionDoc[]>();
      return docs.map(toFlowVersion).sort((a, b) => (a.flowId < b.flowId ? -1 : a.flowId > b.flowId ? 1 : 0));
    },

    async getSetting(key) {
      const doc = await Setting.findById(key).lean();
      return doc ? doc.value : null;
    },

    async putSetting(key, value, now) {
      await Setting.updateOne({ _id: key }, { $set: { value, updatedAt: now } }, { upsert: true });
    },

    countUsers: () => User.countDocuments(),

    async createUser(user, now) {
      const doc: UserDoc = { _id: randomUUID(), ...user, email: user.email.toLowerCase(), createdAt: now };
      try {
        await User.create(doc);
      } catch (error) {
        if (isDuplicateKey(error)) throw new StoreError('store/duplicate-email', `A user with email ${doc.email} exists.`);
        throw error;
      }
      return toUser(doc);
    },

    async findUserByEmail(email) {
      const doc = await User.findOne({ email: email.toLowerCase() }).lean<UserDoc>();
      return doc ? toUser(doc) : null;
    },

    async getUser(id) {
      const doc = await User.findById(id).lean<UserDoc>();
      return doc ? toUser(doc) : null;
    },

    async listUsers() {
      const docs = await User.find().sort({ createdAt: 1, email: 1 }).lean<UserDoc[]>();
      return docs.map(toUser);
    },

    async updateUser(id, patch) {
      const set = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const doc = await User.findOneAndUpdate({ _id: id }, { $set: set }, { new: true }).lean<UserDoc>();
      return doc ? toUser(doc) : null;
    },
  };
}
