import { expect, test as base } from "@playwright/test";

// Every e2e test fails when a page of its browser context did not hydrate: a page whose server HTML
// differs from the browser's first render is thrown away and rendered again, losing what was typed
// meanwhile (a form filled early then submits empty). Production React reports it as error #418–#425.

const HYDRATION_ERROR = /hydrat|react\.dev\/errors\/(418|419|421|422|423|425)\b/i;

export const test = base.extend<{ failOnHydrationErrors: void }>({
  failOnHydrationErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      context.on("weberror", (webError) => {
        const message = webError.error().message;
        if (HYDRATION_ERROR.test(message)) errors.push(`${webError.page()?.url() ?? "?"}: ${message.slice(0, 200)}`);
      });
      await use();
      expect(errors, "pages that did not hydrate cleanly").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
