// Placeholder until the command is built; replaced by its owner.
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('warta api: not built yet\n')
  return 1
}
