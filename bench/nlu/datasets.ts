import { readFileSync } from 'node:fs';
import type { EvaluationData, LabelledText } from '../../engine/src/nlu/evaluate.ts';

export interface NamedDataset extends EvaluationData {
  name: string;
  /** Where the data comes from, printed beside the results. */
  origin: 'public' | 'hand-written';
}

const dataDir = new URL('./data/', import.meta.url);

interface CorporaFile {
  corpora: Record<string, { lang: string; sentences: { text: string; intent: string; training: boolean }[] }>;
}

interface ShopFile {
  intents: Record<string, Record<string, { train: string[]; test: string[] }>>;
  outOfDomain: Record<string, string[]>;
}

/** The three NLU Evaluation Corpora with their published train/test split. */
export function loadPublicCorpora(): NamedDataset[] {
  const file: CorporaFile = JSON.parse(readFileSync(new URL('nlu-evaluation-corpora.json', dataDir), 'utf8'));
  return Object.entries(file.corpora).map(([name, corpus]) => {
    const pick = (training: boolean): LabelledText[] =>
      corpus.sentences.filter((s) => s.training === training).map(({ text, intent }) => ({ text, intent }));
    return { name, origin: 'public', locale: corpus.lang, train: pick(true), test: pick(false) };
  });
}

/** The hand-written shop bot, one dataset per locale. */
export function loadShopDatasets(): { datasets: NamedDataset[]; outOfDomain: Record<string, string[]> } {
  const file: ShopFile = JSON.parse(readFileSync(new URL('shop-handwritten.json', dataDir), 'utf8'));
  const datasets = ['en', 'ru'].map((locale): NamedDataset => {
    const train: LabelledText[] = [];
    const test: LabelledText[] = [];
    for (const [intent, byLocale] of Object.entries(file.intents)) {
      for (const text of byLocale[locale]?.train ?? []) train.push({ text, intent });
      for (const text of byLocale[locale]?.test ?? []) test.push({ text, intent });
    }
    return { name: `shop-${locale}`, origin: 'hand-written', locale, train, test };
  });
  return { datasets, outOfDomain: file.outOfDomain };
}

const EN_TOPICS = ['pizza', 'burger', 'salad', 'coffee', 'laptop', 'phone', 'ticket', 'hotel', 'flight', 'taxi', 'parcel', 'invoice', 'refund', 'password', 'account', 'subscription', 'coupon', 'gift card', 'warranty', 'repair', 'battery', 'charger', 'delivery', 'pickup', 'table', 'room', 'car', 'bike', 'insurance', 'loan', 'card', 'transfer', 'appointment', 'doctor', 'dentist', 'haircut', 'massage', 'lesson', 'course', 'exam', 'book', 'movie', 'concert', 'museum', 'parking', 'wifi', 'printer', 'shoes', 'jacket', 'watch'];
const RU_TOPICS = ['пицца', 'бургер', 'салат', 'кофе', 'ноутбук', 'телефон', 'билет', 'отель', 'рейс', 'такси', 'посылка', 'счет', 'возврат', 'пароль', 'аккаунт', 'подписка', 'купон', 'сертификат', 'гарантия', 'ремонт', 'батарея', 'зарядка', 'доставка', 'самовывоз', 'столик', 'номер', 'машина', 'велосипед', 'страховка', 'кредит', 'карта', 'перевод', 'запись', 'врач', 'стоматолог', 'стрижка', 'массаж', 'урок', 'курс', 'экзамен', 'книга', 'фильм', 'концерт', 'музей', 'парковка', 'вайфай', 'принтер', 'обувь', 'куртка', 'часы'];
const EN_TEMPLATES = ['I need help with the {t}', 'question about my {t}', 'what about the {t}', 'can you tell me about {t}', 'how does the {t} work', 'problem with {t}', 'info on {t} please', 'is the {t} available', 'I want to ask about {t}', 'help me with my {t} today'];
const RU_TEMPLATES = ['нужна помощь: {t}', 'вопрос про {t}', 'что насчет: {t}', 'расскажите про {t}', 'как работает {t}', 'проблема: {t}', 'информация про {t} пожалуйста', '{t} доступно?', 'хочу спросить про {t}', 'помогите сегодня: {t}'];

/**
 * A synthetic bot with 50 intents × 10 examples × 2 locales, for timing only: its texts are
 * templated, so accuracy on it means nothing.
 */
export function syntheticBot(): { locales: string[]; intents: { name: string; examples: Record<string, string[]> }[] } {
  const intents = EN_TOPICS.map((topic, i) => ({
    name: `topic_${i}`,
    examples: {
      en: EN_TEMPLATES.map((template) => template.replace('{t}', topic)),
      ru: RU_TEMPLATES.map((template) => template.replace('{t}', RU_TOPICS[i] ?? topic)),
    },
  }));
  return { locales: ['en', 'ru'], intents };
}
