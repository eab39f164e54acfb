// clipflow-report: the PDF case report without a window (`clipflow report` runs it).

#include "jsonfields.h"
#include "reportcommand.h"

#include <clipflow/allocator.h>

#include <iostream>

int main(int argc, char** argv)
{
    clipflow::tune_allocator(); // as clipflow and the window: big buffers are reused, not faulted in again
    try {
        return clipflow::cli::checked_exit("clipflow report",
                                           clipflow::cli::run_report(std::vector<std::string>(argv + 1, argv + argc)));
    } catch (const std::exception& e) {
        std::cerr << "clipflow report: internal error: " << e.what() << "\n";
        return 3;
    }
}
