/**
 * The simulator in a process of its own, driven through its /_sim control API: benchmarks use
 * it so that the simulated Mailchimp's CPU work does not share an event loop with the client.
 * Prints one JSON line, {"url": …}, once listening.
 */
import { startSimulator } from './index';

void startSimulator({ port: Number(process.env.SIMULATOR_PORT ?? 0), logBodies: false }).then(
  (sim) => {
    process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
    const stop = () => void sim.stop().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  }
);
