/**
 * Messages are checked by shape where they arrive: the content script (requests), the
 * background (status reports) and the popup (the content script's answer). Each malformed
 * message below must be refused; a test fails naming the one that got through.
 */
import { describe, expect, it } from "vitest";
import { MAX_COUNT, parseRequest, parseStatusReport, parseTabStatus, type TabStatus } from "../../src/shared/messages";
import { errorText } from "../../src/shared/error-text";

const STATUS: TabStatus = { state: "available", placeholders: 2, photoMarkers: 1, host: "ad.nl", site: "AD", autoOpen: false };

describe("parseRequest", () => {
  it.each([
    [{ type: "leesrust:get-status" }],
    [{ type: "leesrust:toggle-view" }],
    [{ type: "leesrust:set-view", open: true }],
    [{ type: "leesrust:set-view", open: false }],
    [{ type: "leesrust:set-auto-open", enabled: true }],
  ])("accepts %j as it is", (message) => expect(parseRequest(message)).toEqual(message));

  it.each([
    ["no object", "leesrust:toggle-view"],
    ["null", null],
    ["an array", [{ type: "leesrust:get-status" }]],
    ["an unknown type", { type: "leesrust:status" }],
    ["a type of another kind", { type: ["leesrust:get-status"] }],
    ["set-view without open", { type: "leesrust:set-view" }],
    ["set-view with a string", { type: "leesrust:set-view", open: "true" }],
    ["set-view with a number", { type: "leesrust:set-view", open: 1 }],
    ["set-auto-open with the other field", { type: "leesrust:set-auto-open", open: true }],
    ["an extra field", { type: "leesrust:get-status", host: "evil.example" }],
    ["a field of another request", { type: "leesrust:toggle-view", open: true }],
  ])("refuses %s", (_, message) => expect(parseRequest(message)).toBeNull());
});

describe("parseTabStatus and parseStatusReport", () => {
  it("accept a status, with or without a reason, and copy only its fields", () => {
    expect(parseTabStatus(STATUS)).toEqual(STATUS);
    expect(parseTabStatus({ ...STATUS, site: null, state: "unsupported", reason: "no article text found" })).toMatchObject({ reason: "no article text found" });
    expect(parseStatusReport({ type: "leesrust:status", status: STATUS })).toEqual({ type: "leesrust:status", status: STATUS });
  });

  it.each([
    ["an unknown state", { ...STATUS, state: "hacked" }],
    ["a negative count", { ...STATUS, placeholders: -1 }],
    ["a fractional count", { ...STATUS, photoMarkers: 1.5 }],
    ["a count out of range", { ...STATUS, placeholders: MAX_COUNT + 1 }],
    ["a count as text", { ...STATUS, placeholders: "2" }],
    ["NaN", { ...STATUS, placeholders: Number.NaN }],
    ["a host of another type", { ...STATUS, host: 42 }],
    ["an overlong host", { ...STATUS, host: "a".repeat(254) }],
    ["site undefined", { ...STATUS, site: undefined }],
    ["autoOpen as text", { ...STATUS, autoOpen: "false" }],
    ["a reason of another type", { ...STATUS, reason: { text: "x" } }],
    ["an overlong reason", { ...STATUS, reason: "x".repeat(501) }],
    ["an extra field", { ...STATUS, html: "<img src=x onerror=alert(1)>" }],
    ["a missing field", { state: "idle", placeholders: 0, photoMarkers: 0, host: "ad.nl", site: "AD" }],
  ])("refuse a status with %s", (_, status) => {
    expect(parseTabStatus(status)).toBeNull();
    expect(parseStatusReport({ type: "leesrust:status", status })).toBeNull();
  });

  it("refuse a report of another type or with more fields", () => {
    expect(parseStatusReport({ type: "leesrust:get-status", status: STATUS })).toBeNull();
    expect(parseStatusReport({ type: "leesrust:status", status: STATUS, tabId: 3 })).toBeNull();
    expect(parseStatusReport(STATUS)).toBeNull();
  });
});

describe("a status that carries an error", () => {
  it("keeps a thrown message short enough for the shape check, so the status still arrives", () => {
    const reason = `error: ${errorText(new Error("x".repeat(10_000)))}`;
    expect(reason.length).toBeLessThan(220);
    expect(parseTabStatus({ ...STATUS, state: "unsupported", reason })).toMatchObject({ state: "unsupported", reason });
  });
});
