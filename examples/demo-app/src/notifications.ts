// The application side: sends order updates over whichever channel a customer uses.
import { sendReminderSafely } from './whatsapp/cloud-api.js';
import { sendBubbleSafely } from './whatsapp/msgbubbles.js';

export interface Customer {
  id: string;
  channel: 'meta' | 'bubbles';
  phone: string;
}

export async function notifyShipped(customer: Customer, orderId: string): Promise<string> {
  const text = `Your order ${orderId} has shipped.`;
  if (customer.channel === 'meta') return sendReminderSafely({ phoneNumberId: process.env.PHONE_ID ?? '', to: customer.phone, text });
  return sendBubbleSafely({ from: process.env.BUBBLES_FROM ?? '', to: customer.phone, text }, `${customer.id}:${orderId}:shipped`);
}
