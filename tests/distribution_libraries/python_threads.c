// CPython 3.11 embedded (Debian's libpython3.11-dev: libpython3.11.a, with
// the modules Debian builds into it: _thread, _socket, select, math, zlib,
// _sha256, _posixsubprocess, ...) running a script of Python threads: a
// lock shared by eight threads, a bounded queue.Queue between producer and
// consumers, a Barrier, an Event, threading.local, a ThreadPoolExecutor,
// threads contending for the interpreter's GIL (its condition variables and
// timed waits), a threading.Timer, a signal sent from a thread and handled
// by the main thread, a TCP server thread on 127.0.0.1, a socket pair,
// subprocess (fork and exec from a threaded process), os.fork, and some of
// the standard library written in C. The interpreter is isolated from the
// environment and reads only Debian's standard library under /usr/lib/python3.11.
// The output must be the same built against glibc and linked with lwp alone.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>

static const char script[] =
    "import threading, queue, time, os, signal, socket, subprocess, zlib, hashlib, json, math\n"
    "import random, struct, concurrent.futures\n"
    "print('python', '.'.join(map(str, __import__('sys').version_info[:2])))\n"
    "\n"
    "counter = 0\n"
    "lock = threading.Lock()\n"
    "def add(n):\n"
    "    global counter\n"
    "    for _ in range(n):\n"
    "        with lock:\n"
    "            counter += 1\n"
    "threads = [threading.Thread(target=add, args=(5000,)) for _ in range(8)]\n"
    "for t in threads: t.start()\n"
    "for t in threads: t.join()\n"
    "print('lock: counter', counter)\n"
    "\n"
    "q = queue.Queue(maxsize=5)\n"
    "totals = []\n"
    "def consume():\n"
    "    total = 0\n"
    "    while (item := q.get()) is not None:\n"
    "        total += item\n"
    "    with lock: totals.append(total)\n"
    "consumers = [threading.Thread(target=consume) for _ in range(3)]\n"
    "for c in consumers: c.start()\n"
    "for i in range(1, 2001): q.put(i)\n"
    "for _ in consumers: q.put(None)\n"
    "for c in consumers: c.join()\n"
    "print('queue: consumers summed', sum(totals))\n"
    "\n"
    "barrier = threading.Barrier(4)\n"
    "local = threading.local()\n"
    "ready = threading.Event()\n"
    "seen = []\n"
    "def meet(i):\n"
    "    local.value = i * i\n"
    "    ready.wait()\n"
    "    barrier.wait()\n"
    "    with lock: seen.append(local.value)\n"
    "meeters = [threading.Thread(target=meet, args=(i,)) for i in range(4)]\n"
    "for m in meeters: m.start()\n"
    "time.sleep(0.01)\n"
    "ready.set()\n"
    "for m in meeters: m.join()\n"
    "print('barrier and local:', sorted(seen), 'main has value:', hasattr(local, 'value'))\n"
    "\n"
    "def primes_below(n):\n"
    "    return sum(1 for k in range(2, n) if all(k % d for d in range(2, int(k ** 0.5) + 1)))\n"
    "with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:\n"
    "    counts = list(pool.map(primes_below, [2000, 4000, 6000, 8000, 10000]))\n"
    "    digests = list(pool.map(lambda k: hashlib.sha256(bytes([k]) * 1000).hexdigest()[:8], range(4)))\n"
    "print('pool: primes', counts, 'digests', digests)\n"
    "\n"
    "fired = threading.Event()\n"
    "timer = threading.Timer(0.02, fired.set)\n"
    "timer.start()\n"
    "print('timer fired:', fired.wait(5))\n"
    "timer.join()\n"
    "\n"
    "caught = []\n"
    "signal.signal(signal.SIGUSR1, lambda number, frame: caught.append(number))\n"
    "sender = threading.Thread(target=os.kill, args=(os.getpid(), signal.SIGUSR1))\n"
    "sender.start(); sender.join()\n"
    "deadline = time.monotonic() + 5\n"
    "while not caught and time.monotonic() < deadline: time.sleep(0.001)\n"
    "print('signal: the main thread handled', [signal.Signals(n).name for n in caught])\n"
    "\n"
    "server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
    "server.bind(('127.0.0.1', 0))\n"
    "server.listen()\n"
    "def serve():\n"
    "    connection, _ = server.accept()\n"
    "    with connection:\n"
    "        data = b''\n"
    "        while not data.endswith(b'\\n'):\n"
    "            data += connection.recv(64)\n"
    "        connection.sendall(data.upper())\n"
    "server_thread = threading.Thread(target=serve)\n"
    "server_thread.start()\n"
    "with socket.create_connection(server.getsockname()) as client:\n"
    "    client.sendall(b'echo through a thread\\n')\n"
    "    reply = b''\n"
    "    while not reply.endswith(b'\\n'):\n"
    "        reply += client.recv(64)\n"
    "server_thread.join(); server.close()\n"
    "print('tcp:', reply.decode().strip())\n"
    "left, right = socket.socketpair()\n"
    "writer = threading.Thread(target=lambda: (right.sendall(zlib.compress(b'x' * 10000)), right.close()))\n"
    "writer.start()\n"
    "received = b''\n"
    "while chunk := left.recv(4096): received += chunk\n"
    "writer.join(); left.close()\n"
    "print('socketpair: %d compressed bytes, %d after zlib' % (len(received), len(zlib.decompress(received))))\n"
    "\n"
    "done = subprocess.run(['/bin/sh', '-c', 'echo from a child; exit 3'], capture_output=True)\n"
    "print('subprocess:', done.stdout.decode().strip(), 'status', done.returncode)\n"
    "child = os.fork()\n"
    "if child == 0:\n"
    "    os._exit(len(threading.enumerate()))\n"
    "_, status = os.waitpid(child, 0)\n"
    "print('fork: the child saw', os.waitstatus_to_exitcode(status), 'thread(s)')\n"
    "\n"
    "random.seed(12345)\n"
    "print('stdlib:', json.dumps({'pi': round(math.pi, 6), 'draws': [random.randrange(100) for _ in range(5)]}),\n"
    "      struct.pack('<IH', 0xdeadbeef, 7).hex(), time.strftime('%Y-%m-%d', time.gmtime(86400 * 365)))\n"
    "print('threads left:', threading.active_count())\n";

int main(void) {
    PyConfig config;
    // Isolated: no environment variables, no user site directory, no
    // current directory on the path; home /usr, Debian's interpreter's.
    PyConfig_InitIsolatedConfig(&config);
    config.site_import = 0;
    PyStatus status = PyConfig_SetString(&config, &config.home, L"/usr");
    if (!PyStatus_Exception(status)) status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status)) {
        printf("the interpreter did not start: %s\n", status.err_msg ? status.err_msg : "?");
        return 1;
    }
    int failed = PyRun_SimpleString(script);
    fflush(stdout);
    if (Py_FinalizeEx() < 0) failed = 1;
    return failed ? 1 : 0;
}
