// A throwaway PostgreSQL cluster for the tests: initdb in a fresh temporary folder, a server on a
// free port of 127.0.0.1 (its socket in that folder), stopped and removed afterwards.
//
//   node scripts/postgresql-cluster.js <command> [args…]
//
// starts a cluster, runs the command with TEST_POSTGRESQL_URL=postgresql://postgres@127.0.0.1:<port>
// (the server; the tests create their own databases), then stops the server and removes the folder —
// also when the command fails or we are interrupted — and exits with the command's code.
//   TEST_POSTGRESQL_URL already set  use that server: just run the command
//   TEST_ENGINES=sqlite              no PostgreSQL at all: the command runs on SQLite only
//   POSTGRESQL_CLUSTER_DURABLE=1     keep PostgreSQL's durability (fsync, synchronous commit, full
//                                    page writes), as in production: for benchmarks (the tests
//                                    turn it off for speed)
//   POSTGRESQL_BIN_DIR               where initdb and pg_ctl are (default: Debian's newest
//                                    /usr/lib/postgresql/<major>/bin, else the PATH)
// As root (initdb refuses root) the cluster belongs to the `postgres` user of Debian's package and
// every server command runs through `runuser -u postgres --`.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DEBIAN_ROOT = "/usr/lib/postgresql";

/** The folder holding initdb and pg_ctl, or null when PostgreSQL's server is not installed. */
export function postgresqlBinDir() {
  const configured = process.env.POSTGRESQL_BIN_DIR;
  if (configured) return fs.existsSync(path.join(configured, "initdb")) ? configured : null;
  const majors = fs.existsSync(DEBIAN_ROOT)
    ? fs
        .readdirSync(DEBIAN_ROOT)
        .filter((major) => fs.existsSync(path.join(DEBIAN_ROOT, major, "bin/initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors.length > 0) return path.join(DEBIAN_ROOT, majors[0], "bin");
  for (const folder of (process.env.PATH ?? "").split(path.delimiter)) {
    if (folder && fs.existsSync(path.join(folder, "initdb"))) return folder;
  }
  return null;
}

/** A TCP port nobody listens on right now (on 127.0.0.1). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function osUser(name) {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * Starts a cluster and returns { url, port, dir, stop }. `stop()` is synchronous (so that it can
 * run in an exit handler) and idempotent: fast shutdown, then the folder is removed. `onStop`
 * receives it as soon as there is something to clean up, before the server is up.
 */
export async function startCluster({
  binDir = postgresqlBinDir(),
  onStop = (_stop) => {},
  durable = false,
} = {}) {
  if (!binDir) throw new Error(missingBinariesMessage());
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? osUser("postgres") : null;
  if (asRoot && !owner) {
    throw new Error(
      "initdb refuses to run as root and there is no `postgres` user to run it as " +
        "(Debian's postgresql package creates one: bash scripts/ensure-postgresql.sh).",
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-pg-"));
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const command = (tool, args) =>
    asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(binDir, tool), ...args]]
      : [path.join(binDir, tool), args];
  const run = (tool, args) => {
    const [file, argv] = command(tool, args);
    const result = spawnSync(file, argv, { encoding: "utf8", cwd: dir });
    if (result.status !== 0) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "";
      throw new Error(
        `${tool} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}${log}`,
      );
    }
  };

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (fs.existsSync(path.join(data, "postmaster.pid"))) {
      const [file, argv] = command("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      spawnSync(file, argv, { stdio: "ignore", cwd: dir });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  onStop(stop);

  try {
    // --no-sync and the settings below trade durability for speed: this cluster lives for one run
    // (`durable` keeps the server's own settings, for benchmarks that compare with a SQLite file
    // synced at every commit).
    run("initdb", [
      "-D",
      data,
      "-A",
      "trust",
      "--encoding=UTF8",
      "--locale=C.UTF-8",
      "-U",
      "postgres",
      "--no-sync",
    ]);
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const options = [
        `-p ${port}`,
        `-k ${dir}`,
        "-c listen_addresses=127.0.0.1",
        "-c max_connections=200",
        ...(durable
          ? []
          : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
      ].join(" ");
      const [file, argv] = command("pg_ctl", [
        "-D",
        data,
        "-l",
        logFile,
        "-o",
        options,
        "-w",
        "start",
      ]);
      // Its own session, so that a Ctrl-C meant for the tests does not stop the server under them.
      const result = await new Promise((resolve) => {
        const child = spawn(file, argv, { cwd: dir, detached: true, stdio: "ignore" });
        child.on("exit", (code) => resolve(code));
        child.on("error", () => resolve(-1));
      });
      if (result === 0) {
        return { url: `postgresql://postgres@127.0.0.1:${port}`, port, dir, stop };
      }
      // another process took the port between our probe and the server's bind: try another one
      if (attempt >= 3) {
        const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "";
        throw new Error(`pg_ctl start failed:\n${log}`);
      }
    }
  } catch (error) {
    stop();
    throw error;
  }
}

export function missingBinariesMessage() {
  return (
    "PostgreSQL's server binaries (initdb, pg_ctl) were not found. Run `bash scripts/ensure-postgresql.sh` " +
    "(installs Debian's postgresql), set POSTGRESQL_BIN_DIR, give a server in TEST_POSTGRESQL_URL, " +
    "or test SQLite only with TEST_ENGINES=sqlite."
  );
}

function warnSqliteOnly(reason) {
  const line = "!".repeat(78);
  console.warn(
    `\n${line}\n!! ${reason}: the tests run on SQLite ONLY; PostgreSQL is NOT tested.\n${line}\n`,
  );
}

/** Runs a command with the given environment; resolves with its exit code (128+n for signal n). */
function runCommand(argv, env, signals) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: "inherit", env });
    const forward = (signal) => child.kill(signal);
    for (const signal of signals) process.on(signal, forward);
    child.on("error", (error) => {
      console.error(`${argv[0]}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => {
      for (const s of signals) process.off(s, forward);
      resolve(code ?? 128 + (os.constants.signals[signal] ?? 0));
    });
  });
}

async function main(argv) {
  if (argv.length === 0) {
    console.error("usage: node scripts/postgresql-cluster.js <command> [args…]");
    return 2;
  }
  const env = { ...process.env };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  if (env.TEST_ENGINES === "sqlite") {
    delete env.TEST_POSTGRESQL_URL;
    warnSqliteOnly("TEST_ENGINES=sqlite");
    const code = await runCommand(argv, env, signals);
    warnSqliteOnly("TEST_ENGINES=sqlite");
    return code;
  }
  if (env.TEST_POSTGRESQL_URL) return runCommand(argv, env, signals);
  const binDir = postgresqlBinDir();
  if (!binDir) {
    console.error(missingBinariesMessage());
    return 1;
  }

  // Until the cluster is up a signal stops us at once (the finally below cleans up); once the
  // command runs, signals go to it and we clean up after it has ended.
  let stop = () => {};
  const early = (signal) => {
    stop();
    process.exit(128 + os.constants.signals[signal]);
  };
  for (const signal of signals) process.on(signal, early);
  process.on("exit", () => stop());
  try {
    const started = Date.now();
    const durable = env.POSTGRESQL_CLUSTER_DURABLE === "1";
    const cluster = await startCluster({ binDir, onStop: (s) => (stop = s), durable });
    for (const signal of signals) process.off(signal, early);
    console.log(
      `PostgreSQL test cluster on ${cluster.url} (${path.basename(path.dirname(binDir))}, ${durable ? "durable" : "fsync off"}, started in ${Date.now() - started} ms)`,
    );
    return await runCommand(argv, { ...env, TEST_POSTGRESQL_URL: cluster.url }, signals);
  } finally {
    stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
