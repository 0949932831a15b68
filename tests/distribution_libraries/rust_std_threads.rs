// Rust's standard library as Debian's rustc ships it (its libstd, built for
// x86_64-unknown-linux-gnu against glibc): std::thread (spawn, Builder with
// a name and a stack size, scoped threads, park and unpark), Mutex, RwLock,
// Condvar, Barrier, Once, atomics and mpsc channels; a thread_local! with
// a destructor run at each thread's exit (glibc's
// __cxa_thread_atexit_impl); a panic in a thread unwound through its
// frames and caught at join and by catch_unwind (libgcc's unwinder over
// the program's frame tables); files, a TCP echo served by a thread,
// environment variables and a child process. Linked once with glibc (static)
// and once with lwp alone (lwp-cc as rustc's linker); the outputs must be
// the same.
use std::cell::Cell;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Barrier, Condvar, Mutex, Once, RwLock};
use std::thread;

static EXITED_WITH_LOCALS: AtomicUsize = AtomicUsize::new(0);

struct ExitCounter(Cell<u32>);
impl Drop for ExitCounter {
    fn drop(&mut self) {
        if self.0.get() > 0 {
            EXITED_WITH_LOCALS.fetch_add(1, Ordering::SeqCst);
        }
    }
}

thread_local! {
    static TOUCHED: ExitCounter = ExitCounter(Cell::new(0));
    static DEPTH: Cell<u32> = Cell::new(7);
}

fn locks_and_locals() {
    let total = Arc::new(Mutex::new(0u64));
    let handles: Vec<_> = (0..4u64)
        .map(|t| {
            let total = Arc::clone(&total);
            thread::spawn(move || {
                for i in 0..10000u64 {
                    *total.lock().unwrap() += i % 7 + t;
                }
                TOUCHED.with(|c| c.0.set(1));
                DEPTH.with(|d| d.set(t as u32));
                DEPTH.with(|d| d.get())
            })
        })
        .collect();
    let depths: Vec<u32> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    println!(
        "mutex: total {}; thread-local depths {:?}, main's still {}; {} thread-local destructors ran",
        *total.lock().unwrap(),
        depths,
        DEPTH.with(|d| d.get()),
        EXITED_WITH_LOCALS.load(Ordering::SeqCst)
    );

    let table = Arc::new(RwLock::new(vec![0u32; 8]));
    let reads = Arc::new(AtomicU64::new(0));
    let workers: Vec<_> = (0..5)
        .map(|w| {
            let table = Arc::clone(&table);
            let reads = Arc::clone(&reads);
            thread::spawn(move || {
                for i in 0..500usize {
                    if w < 2 {
                        table.write().unwrap()[(i + w) % 8] += 1;
                    } else if table.read().unwrap().iter().sum::<u32>() <= 1000 {
                        reads.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    println!(
        "rwlock: {} writes, {} reads",
        table.read().unwrap().iter().sum::<u32>(),
        reads.load(Ordering::Relaxed)
    );
}

fn channels_condvars_barriers() {
    let (sender, receiver) = mpsc::channel();
    for t in 0..3u64 {
        let sender = sender.clone();
        thread::spawn(move || {
            for i in 0..100u64 {
                sender.send(i * t).unwrap();
            }
        });
    }
    drop(sender);
    println!("channel: sum {}", receiver.iter().sum::<u64>());

    let (bounded_sender, bounded_receiver) = mpsc::sync_channel::<u32>(2);
    let producer = thread::spawn(move || (1..=50).for_each(|i| bounded_sender.send(i).unwrap()));
    let received: u32 = bounded_receiver.iter().sum();
    producer.join().unwrap();
    println!("sync_channel: sum {}", received);

    let pair = Arc::new((Mutex::new(0u32), Condvar::new()));
    let waiters: Vec<_> = (0..3)
        .map(|_| {
            let pair = Arc::clone(&pair);
            thread::spawn(move || {
                let (lock, changed) = &*pair;
                let mut value = changed.wait_while(lock.lock().unwrap(), |v| *v == 0).unwrap();
                *value += 1;
            })
        })
        .collect();
    {
        let (lock, changed) = &*pair;
        *lock.lock().unwrap() = 10;
        changed.notify_all();
    }
    for waiter in waiters {
        waiter.join().unwrap();
    }
    println!("condvar: {}", *pair.0.lock().unwrap());

    let barrier = Arc::new(Barrier::new(4));
    let leaders: usize = (0..4)
        .map(|_| {
            let barrier = Arc::clone(&barrier);
            thread::spawn(move || barrier.wait().is_leader())
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|h| h.join().unwrap() as usize)
        .sum();
    static INIT: Once = Once::new();
    let mut runs = 0;
    for _ in 0..3 {
        INIT.call_once(|| runs += 1);
    }
    println!("barrier: {} leader; once: {} run", leaders, runs);
}

fn builder_scope_park() {
    let named = thread::Builder::new()
        .name("worker-seven".into())
        .stack_size(256 * 1024)
        .spawn(|| {
            // Deep enough to need most of a small stack's first pages.
            fn depth(n: u32) -> u32 {
                let pad = [n as u8; 512];
                if n == 0 { pad[0] as u32 } else { depth(n - 1) + 1 + pad[1] as u32 % 1 }
            }
            (thread::current().name().unwrap().to_string(), depth(200))
        })
        .unwrap()
        .join()
        .unwrap();
    println!("builder: thread {:?} recursed {} deep", named.0, named.1);

    let mut numbers = vec![1u64, 2, 3, 4, 5, 6, 7, 8];
    let (left, right) = numbers.split_at_mut(4);
    thread::scope(|scope| {
        scope.spawn(|| left.iter_mut().for_each(|n| *n *= 10));
        scope.spawn(|| right.iter_mut().for_each(|n| *n *= 100));
    });
    println!("scope: {:?}", numbers);

    let flag = Arc::new(AtomicUsize::new(0));
    let parked = {
        let flag = Arc::clone(&flag);
        thread::spawn(move || {
            while flag.load(Ordering::Acquire) == 0 {
                thread::park();
            }
            "unparked"
        })
    };
    flag.store(1, Ordering::Release);
    parked.thread().unpark();
    println!("park: {}", parked.join().unwrap());
}

fn panics() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.payload().downcast_ref::<&str>().copied().unwrap_or("?");
        println!("panic hook: {:?} in thread {:?}", message, thread::current().name().unwrap_or("unnamed"));
    }));
    struct Guard;
    impl Drop for Guard {
        fn drop(&mut self) {
            println!("unwinding ran a destructor");
        }
    }
    let joined = thread::Builder::new()
        .name("doomed".into())
        .spawn(|| {
            let _guard = Guard;
            panic!("on purpose");
        })
        .unwrap()
        .join();
    println!("join after a panic: {}", if joined.is_err() { "Err" } else { "Ok" });
    let caught = std::panic::catch_unwind(|| {
        let values: Vec<u32> = Vec::new();
        values[3]
    });
    println!("catch_unwind: {}", caught.is_err());
    let _ = std::panic::take_hook();
}

fn files_network_processes() {
    let path = std::env::temp_dir().join(format!("lwp-rust-{}", std::process::id()));
    std::fs::write(&path, "first line\nsecond line\n").unwrap();
    let lines: Vec<String> = BufReader::new(std::fs::File::open(&path).unwrap()).lines().map(|l| l.unwrap()).collect();
    let size = std::fs::metadata(&path).unwrap().len();
    std::fs::remove_file(&path).unwrap();
    println!("file: {} bytes, lines {:?}, removed: {}", size, lines, !path.exists());

    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let server = thread::spawn(move || {
        let (mut connection, _) = listener.accept().unwrap();
        let mut request = [0u8; 5];
        connection.read_exact(&mut request).unwrap();
        request.reverse();
        connection.write_all(&request).unwrap();
    });
    let mut client = TcpStream::connect(address).unwrap();
    client.write_all(b"hello").unwrap();
    let mut reply = String::new();
    client.read_to_string(&mut reply).unwrap();
    server.join().unwrap();
    println!("tcp: {}", reply);

    std::env::set_var("LWP_RUST_CHECK", "set in the program");
    let output = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg("echo \"$LWP_RUST_CHECK\"; exit 3")
        .output()
        .unwrap();
    println!(
        "command: {:?}, status {:?}",
        String::from_utf8_lossy(&output.stdout).trim(),
        output.status.code()
    );
    let missing = std::process::Command::new("/nonexistent/program").status();
    println!("missing program: {:?}", missing.map_err(|e| e.kind()));
    println!("available parallelism known: {}", thread::available_parallelism().map(|n| n.get() > 0).unwrap_or(false));
}

fn main() {
    locks_and_locals();
    channels_condvars_barriers();
    builder_scope_park();
    panics();
    files_network_processes();
}
