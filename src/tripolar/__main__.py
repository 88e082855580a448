from tripolar.cli import main

main()
