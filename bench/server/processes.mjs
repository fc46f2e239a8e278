// Every child process and temp folder the bench makes, so that all of them go away when it ends:
// normally, on an exception, on Ctrl-C, or when the overall deadline passes.
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const children = new Set();
const folders = new Set();

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export const spawnChild = (command, args, options) => track(spawn(command, args, options));
export const forkChild = (module, args, options) => track(fork(module, args, options));

export function tempFolder(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.add(dir);
  return dir;
}

export function removeFolder(dir) {
  rmSync(dir, { recursive: true, force: true });
  folders.delete(dir);
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
export function stopChild(child, graceMs = 5_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Synchronous, so it also runs from an `exit` handler. */
export function cleanUpNow() {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

/** Reads messages of `child` until `accept` returns a value or the time runs out. */
export function nextMessage(child, accept, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`${what}: no answer in ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message) => {
      if (message?.type === 'error') return finish(new Error(`${what}: ${message.message}`));
      const value = accept(message);
      if (value !== undefined) finish(null, value);
    };
    const onExit = (code, signal) => finish(new Error(`${what}: the process exited (${signal ?? code})`));
    function finish(error, value) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
