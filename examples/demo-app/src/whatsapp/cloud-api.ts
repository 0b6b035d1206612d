// Sends WhatsApp messages through Meta's Cloud API (graph.facebook.com).
import axios from 'axios';
import { errorCodeOf, isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';

const GRAPH_URL = process.env.GRAPH_URL ?? 'https://graph.facebook.com/v21.0';
const graph = axios.create({ baseURL: GRAPH_URL, headers: { Authorization: `Bearer ${process.env.WA_TOKEN}` } });

export interface Reminder {
  phoneNumberId: string;
  to: string;
  text: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ❌ Re-sends on every error: an expired token (190) or a closed 24-hour window (131047) is hammered three times.
export async function sendReminder(reminder: Reminder): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const { data } = await graph.post(`/${reminder.phoneNumberId}/messages`, {
        messaging_product: 'whatsapp',
        to: reminder.to,
        type: 'text',
        text: { body: reminder.text },
      });
      return data.messages[0].id;
    } catch (err) {
      // ❌ The status does not identify the error: Meta says to branch on error.code.
      if (err.response?.status === 400) console.warn('bad request', err.response.data);
      await sleep(1000 * 2 ** attempt);
    }
  }
  throw new Error('WhatsApp reminder failed after 3 attempts');
}

// ✅ Retries only what can succeed later, with backoff.
export async function sendReminderSafely(reminder: Reminder): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const { data } = await graph.post(`/${reminder.phoneNumberId}/messages`, {
        messaging_product: 'whatsapp',
        to: reminder.to,
        type: 'text',
        text: { body: reminder.text },
      });
      return data.messages[0].id;
    } catch (err) {
      const code = errorCodeOf('meta-cloud', err.response?.data);
      if (attempt >= 3 || !isRetryable('meta-cloud', code)) throw err;
      await sleep(1000 * 2 ** attempt);
    }
  }
}

// ❌ Three documented codes handled, the other 56 fall through to 'sent'; and '131047' is a string (Meta's codes are numbers).
export async function sendOrExplain(reminder: Reminder): Promise<string> {
  try {
    await graph.post(`/${reminder.phoneNumberId}/messages`, { messaging_product: 'whatsapp', to: reminder.to, type: 'text', text: { body: reminder.text } });
  } catch (err) {
    switch (err.response?.data?.error?.code) {
      case 130429:
        return 'wait';
      case 190:
        return 'refresh-token';
      case '131047':
        return 'send-template';
      default:
        break;
    }
  }
  return 'sent';
}
