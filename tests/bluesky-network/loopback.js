// Loaded with `--import` before @atproto/dev-env: every dev-env server calls listen(port) without a host, which
// binds all interfaces; the test network must be reachable from this machine only.
import net from 'node:net'

const listen = net.Server.prototype.listen
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args
  if (typeof first === 'number' && typeof second !== 'string') args.splice(1, 0, '127.0.0.1')
  else if (first && typeof first === 'object' && first.path === undefined && first.host === undefined)
    args[0] = { ...first, host: '127.0.0.1' }
  return listen.apply(this, args)
}
