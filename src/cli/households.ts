import type { Command } from 'commander';

/** households import/export and the demo: filled in by the import/export work. */
export function registerHouseholdCommands(_program: Command) {}
