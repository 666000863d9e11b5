/** The value of `--name value` or `--name=value` in a command's arguments; undefined when absent. */
export function readOption(args: string[], name: string): string | undefined {
  const prefix = `--${name}=`
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!
    if (arg === `--${name}`) return args[index + 1]
    if (arg.startsWith(prefix)) return arg.slice(prefix.length)
  }
  return undefined
}
