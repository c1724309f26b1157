// The app's HTTP API as ./run.sh's cycle calls it: JSON in and out, the bootstrap admin key as bearer.

/** A cycle that cannot go on; its message says why and names what to look at. */
export class CycleFailure extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

export function createApi(baseUrl, key) {
  if (!baseUrl || !key) throw new CycleFailure('RUN_API and Auth__BootstrapAdminKey must be set');
  const call = async (method, path, body) => {
    let response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new CycleFailure(`The app did not answer ${method} ${baseUrl}${path} (${error.cause?.code ?? error.message}); see .run/app.log`);
    }
    const text = await response.text();
    let parsed = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (e.g. a proxy's error page): the status says enough and the text is kept for the message.
      parsed = { error: text.slice(0, 200) };
    }
    return { status: response.status, body: parsed };
  };
  return {
    baseUrl,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
  };
}
