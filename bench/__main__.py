from bench.startup import main

main()
