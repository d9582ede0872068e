import { Command } from 'commander';
import { registerAdminCommands } from './admin.ts';
import { registerHouseholdCommands } from './households.ts';
import { registerAssessmentCommands } from './assessments.ts';
import { registerDemoCommand } from './demo.ts';
import { registerDedupCommands } from './dedup/commands.ts';
import { registerFiguresCommands } from './figures.ts';

const program = new Command();
program.name('amina').description('Amina: registration, tracking and assistance of displaced people');

program.command('start').description('start the server and the web app (PORT, DATABASE_URL, AMINA_DATA_DIR)')
  .action(async () => {
    const { startServer } = await import('#server/main');
    await startServer();
  });

registerAdminCommands(program);
registerHouseholdCommands(program);
registerAssessmentCommands(program);
registerDemoCommand(program);
registerDedupCommands(program);
registerFiguresCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
