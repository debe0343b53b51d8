import type { NluTrainingData } from './types.js';

/** A small bilingual shop bot shared by the NLU tests. */
export const testBot: NluTrainingData = {
  locales: ['en', 'ru'],
  intents: [
    {
      name: 'order_status',
      examples: {
        en: ['where is my order', 'track my order', 'has my order shipped yet', 'when will my parcel arrive', 'my delivery is late', "I haven't received my package"],
        ru: ['где мой заказ', 'статус заказа', 'когда придет посылка', 'отследить заказ', 'заказ еще не пришел', 'когда доставят'],
      },
    },
    {
      name: 'cancel_order',
      examples: {
        en: ['cancel my order', 'I want to cancel', 'please cancel the order', 'I changed my mind, cancel it', 'can I cancel my purchase'],
        ru: ['отменить заказ', 'хочу отменить', 'отмените заказ пожалуйста', 'я передумал отмените', 'можно отменить покупку'],
      },
    },
    {
      name: 'book_table',
      examples: {
        en: ['book a table', 'I want to make a reservation', 'reserve a table for two', 'do you have a free table tomorrow', 'make a booking for saturday'],
        ru: ['забронировать столик', 'хочу забронировать стол', 'бронь на вечер', 'есть свободные столики на завтра', 'столик на двоих'],
      },
    },
    {
      name: 'opening_hours',
      examples: {
        en: ['what are your opening hours', 'when are you open', 'are you open on sunday', 'what time do you close', 'business hours'],
        ru: ['часы работы', 'когда вы открыты', 'во сколько закрываетесь', 'вы работаете в воскресенье', 'график работы'],
      },
    },
    {
      name: 'refund',
      examples: {
        en: ['I want a refund', 'give me my money back', 'how do I return an item', 'the product is broken, I want to return it', 'return policy'],
        ru: ['хочу вернуть деньги', 'верните деньги', 'как вернуть товар', 'товар сломан хочу вернуть', 'условия возврата'],
      },
    },
  ],
};
