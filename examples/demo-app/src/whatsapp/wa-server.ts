// Sends messages from a linked device through wa-server (wa.sagad.net).
import got from 'got';

const waServer = got.extend({ prefixUrl: 'https://wa.sagad.net', headers: { Authorization: `Bearer ${process.env.WA_SERVER_TOKEN}` } });

export async function sendFromDevice(deviceId: string, to: string, text: string) {
  try {
    return await waServer.post(`devices/${deviceId}/messages`, { json: { to, type: 'text', text } }).json<{ id: string }>();
  } catch (error) {
    const response = (error as { response?: { statusCode: number; body: string } }).response;
    // ❌ HTTP 409 from wa-server is six different errors (device offline, logged out, too many devices…).
    if (response?.statusCode === 409) await relink(deviceId);
    // ❌ The documented code is dropped: callers cannot tell device_not_connected from validation_error.
    throw new Error(`wa-server send failed: ${(error as Error).message}`);
  }
}

// ✅ Decides on the code and keeps the original error.
export async function sendFromDeviceSafely(deviceId: string, to: string, text: string) {
  try {
    return await waServer.post(`devices/${deviceId}/messages`, { json: { to, type: 'text', text } }).json<{ id: string }>();
  } catch (error) {
    const body = JSON.parse((error as { response?: { body: string } }).response?.body ?? '{}');
    if (body.error?.code === 'device_not_connected' || body.error?.code === 'logged_out') await relink(deviceId);
    throw new Error('wa-server send failed', { cause: error });
  }
}

async function relink(deviceId: string): Promise<void> {
  await waServer.post(`devices/${deviceId}/qr`);
}
