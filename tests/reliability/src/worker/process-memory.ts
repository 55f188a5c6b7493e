import { readdir, readFile } from 'node:fs/promises'

interface ProcessEntry {
  readonly pid: number
  readonly ppid: number
  readonly name: string
}

async function readEntry(pid: number): Promise<ProcessEntry | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    // pid (comm) state ppid ...: comm may hold spaces, so split after the last ')'.
    const close = stat.lastIndexOf(')')
    const name = stat.slice(stat.indexOf('(') + 1, close)
    const ppid = Number(stat.slice(close + 2).split(' ')[1])
    return { pid, ppid, name }
  } catch {
    return undefined
  }
}

/**
 * The processes named `name` that descend from this one (Linux /proc), e.g. the workerd
 * processes wrangler starts.
 *
 * @param name - the command name, e.g. `workerd`
 * @returns their pids, lowest first
 */
export async function descendantsNamed(name: string): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry)).map(Number)
  const entries = (await Promise.all(pids.map(readEntry))).filter((e) => e !== undefined)
  const children = new Map<number, ProcessEntry[]>()
  for (const entry of entries)
    children.set(entry.ppid, [...(children.get(entry.ppid) ?? []), entry])
  const found: number[] = []
  const queue = [process.pid]
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const child of children.get(pid) ?? []) {
      if (child.name === name) found.push(child.pid)
      queue.push(child.pid)
    }
  }
  return found.sort((a, b) => a - b)
}

/**
 * @param pid - a process id
 * @returns its resident set size in MiB, or 0 when it is gone
 */
export async function rssMiB(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const kib = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0)
    return Math.round((kib / 1024) * 10) / 10
  } catch {
    return 0
  }
}
